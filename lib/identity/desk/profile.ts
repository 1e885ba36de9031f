/**
 * A profile as staff read it: the golden fields and their provenance, every source record (as its source holds it
 * and as L1 cleansed it), why its records are linked (per pair: the rule that matched and each field's comparison,
 * every rule shown), the links the guards refused at its edge, and its history (merges, splits, staff decisions).
 */
import { defaultRuleset } from '../linking/default-ruleset';
import { explainPair, type PairEvaluation } from '../linking/evaluate';
import type { Link, Refusal } from '../linking/types';
import type { L1Record } from '../cleansing/cleanse';
import type { GoldenRecord } from '../unify/unify';
import type { SourceRow } from '../store/source-records';
import type { Sql } from '../store/sql';
import { currentProfile } from './actions';

/** A source record as the profile page shows it: what the store keeps of it (the shop's gender is read from raw). */
export type ProfileRecord = Omit<SourceRow, 'gender'>;

export interface PairExplanation {
  a: string;
  b: string;
  /** 'manual' for a staff merge */
  rule: string;
  score: number;
  evaluation: PairEvaluation;
  refusal?: Pick<Refusal, 'kind' | 'detail'>;
}

export interface ProfileHistoryEntry { seq: string; type: string; at: Date; by: string | null; why: string | null; summary: string; detail: unknown }

export interface ProfilePage {
  id: string;
  /** the id that was asked for, when it was absorbed and redirected here */
  redirectedFrom: string | null;
  golden: Omit<GoldenRecord, 'phones' | 'emails' | 'records'>;
  contactPoints: { phones: GoldenRecord['phones']; emails: GoldenRecord['emails'] };
  review: boolean;
  version: number;
  updatedAt: Date;
  records: ProfileRecord[];
  links: PairExplanation[];
  refused: PairExplanation[];
  history: ProfileHistoryEntry[];
  /** staff decisions in force naming its records */
  manual: { id: string; kind: string; a: string[]; b: string[]; by: string; why: string; at: Date }[];
}

function summarise(type: string, d: Record<string, unknown>): string {
  const cause = (d.cause ?? {}) as { change?: { type: string; key?: string; id?: string }; links?: Link[]; lost?: (Link & { why: string })[] };
  const change = cause.change ? `${cause.change.type} ${cause.change.key ?? cause.change.id ?? ''}`.trim() : '';
  switch (type) {
    case 'created': return `created with ${(d.records as string[] | undefined)?.length ?? 0} record(s) by ${change}`;
    case 'merged': return `absorbed ${((d.absorbed as string[]) ?? []).length} profile(s) by ${change}${cause.links?.length ? `, through ${cause.links.map((l) => `${l.a} ~ ${l.b} (${l.rule})`).join(', ')}` : ''}`;
    case 'split': return `split in ${((d.parts as unknown[]) ?? []).length} by ${change}${cause.lost?.length ? `: ${cause.lost.map((l) => `${l.a} ~ ${l.b} ${l.why}`).join(', ')}` : ''}`;
    case 'removed': return `removed: its last record went (${change})`;
    default: return type;
  }
}

export async function getProfilePage(sql: Sql, id: string): Promise<ProfilePage> {
  const { id: current } = await currentProfile(sql, id);
  const p = (await sql.query<{ id: string; golden: ProfilePage['golden']; contactPoints: ProfilePage['contactPoints']; review: boolean; version: number; updatedAt: Date; records: string[]; links: Link[]; refusals: Refusal[] }>(
    `SELECT id, golden, "contactPoints", review, version, "updatedAt", records, links, refusals FROM "IdentityProfile" WHERE id = $1`, [current])).rows[0]!;
  const records = (await sql.query<ProfileRecord>(`SELECT key, source, "sourceId", "createdAt", "updatedAt", raw, l1 FROM "IdentityRecord" WHERE key = ANY($1)`, [p.records])).rows;
  const order = new Map(p.records.map((k, i) => [k, i]));
  records.sort((x, y) => order.get(x.key)! - order.get(y.key)!);
  const l1 = new Map(records.map((r) => [r.key, r.l1]));
  // refused pairs may reach records of other profiles
  const outside = p.refusals.flatMap((r) => [r.a, r.b]).filter((k) => !l1.has(k));
  if (outside.length) for (const r of (await sql.query<{ key: string; l1: L1Record }>(`SELECT key, l1 FROM "IdentityRecord" WHERE key = ANY($1)`, [outside])).rows) l1.set(r.key, r.l1);
  const explain = (l: Link): PairExplanation | null => {
    const [a, b] = [l1.get(l.a), l1.get(l.b)];
    return a && b ? { a: l.a, b: l.b, rule: l.rule, score: l.score, evaluation: explainPair(a, b, defaultRuleset) } : null;
  };
  const history = (await sql.query<{ seq: string; type: string; at: Date; by: string | null; why: string | null; detail: Record<string, unknown> }>(
    `SELECT seq::text, type, at, by, why, detail FROM "IdentityEvent" WHERE "profileId" = $1 OR "profileId" IN (SELECT id FROM "IdentityProfileId" WHERE "redirectTo" = $1) ORDER BY seq DESC LIMIT 100`, [current])).rows;
  const manual = (await sql.query<ProfilePage['manual'][number]>(
    `SELECT DISTINCT m.id, m.kind, m.a, m.b, m.by, m.why, m.at FROM "IdentityManual" m JOIN "IdentityManualRecord" r ON r."manualId" = m.id WHERE r."recordKey" = ANY($1) AND m."liftedAt" IS NULL ORDER BY m.at DESC`, [p.records])).rows;
  return {
    id: p.id, redirectedFrom: current === id ? null : id, golden: p.golden, contactPoints: p.contactPoints, review: p.review, version: p.version, updatedAt: p.updatedAt,
    records,
    links: p.links.map(explain).filter((x): x is PairExplanation => x !== null),
    refused: p.refusals.flatMap((r): PairExplanation[] => { const e = explain(r); return e ? [{ ...e, refusal: { kind: r.kind, detail: r.detail } }] : []; }),
    history: history.map((h) => ({ ...h, summary: summarise(h.type, h.detail) })),
    manual,
  };
}

/** Why two records are (or are not) linked, whichever profiles they are in: every rule's comparisons. */
export async function explainRecords(sql: Sql, a: string, b: string): Promise<PairEvaluation | null> {
  const rows = (await sql.query<{ key: string; l1: L1Record }>(`SELECT key, l1 FROM "IdentityRecord" WHERE key = ANY($1)`, [[a, b]])).rows;
  const [x, y] = [rows.find((r) => r.key === a), rows.find((r) => r.key === b)];
  return x && y ? explainPair(x.l1, y.l1, defaultRuleset) : null;
}
