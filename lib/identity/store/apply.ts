/**
 * Linking against PostgreSQL with bounded memory. A batch of changes (source records upserted or deleted, staff's
 * merges, bans, lifts and erasures) is applied in one transaction under IDENTITY_LOCK:
 *
 *   1. the neighbourhood: every record the changes could regroup. The changed records, the members of the usable
 *      blocks they hold or held, then everything linked to those (IdentityLink), merged with them by staff, or in the
 *      same profile, until nothing new comes (whole components, as LinkingEngine.restore needs);
 *   2. an engine restored over it, with the profiles' stored ids and, per blocking key, how many records hold it
 *      outside the neighbourhood;
 *   3. the changes applied one by one (each with its own events and causes);
 *   4. the differences written back: records, blocking keys and their sizes, links, profiles with their golden fields
 *      (unify), ids issued and redirected, the history, and one message per changed profile (a tombstone per retired
 *      one) into the outbox for the compacted L2 topic.
 *
 * Memory is the neighbourhood's, never the whole population's. Rebuilding from L1 gives the same grouping (the
 * engine's sequence-neutral property), which the integration tests check against this path.
 */
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { MemoryCandidateIndex } from '../linking/candidate-index';
import { defaultRuleset } from '../linking/default-ruleset';
import { LinkingEngine } from '../linking/engine';
import { linkingRule } from '../linking/evaluate';
import { ProfileIds } from '../linking/profile-ids';
import type { Ruleset } from '../linking/ruleset';
import type { Change, Link, LinkRecord, ManualBan, ManualMerge, ProfileEvent, StoredProfile } from '../linking/types';
import type { L1Record } from '../cleansing/cleanse';
import type { Gender } from '../cleansing/birth';
import { unify, type GoldenRecord } from '../unify/unify';
import { DEFAULT_UNIFY_CONFIG, type UnifyConfig } from '../unify/config';
import { IDENTITY_LOCK, type Sql } from './sql';
import { SOURCE_TABLES, type SourceRow } from './source-records';

export type StoreChange =
  | { type: 'upsert'; row: SourceRow; /** when the source committed the change (latency figures) */ changedAt?: Date }
  | { type: 'delete'; key: string; changedAt?: Date }
  | { type: 'merge'; merge: ManualMerge; by: string; why: string }
  | { type: 'ban'; ban: ManualBan; by: string; why: string }
  | { type: 'lift'; id: string; by: string; why: string };

/** The L2 message of one profile (the compacted topic's value; key: the profile id). */
export interface ProfileMessage {
  profileId: string;
  version: number;
  golden: Omit<GoldenRecord, 'phones' | 'emails' | 'records'>;
  contactPoints: { phones: GoldenRecord['phones']; emails: GoldenRecord['emails'] };
  records: string[];
  review: boolean;
  updatedAt: string;
}

export interface BatchResult {
  events: ProfileEvent[];
  /** profiles written (new or changed), with their L2 version */
  written: { id: string; version: number }[];
  /** ids that no longer name a profile (absorbed: they redirect; removed) */
  retired: string[];
  neighbourhood: number;
  /** groups whose stored grouping differed from the recomputed one (a ruleset change, say) */
  drift: number;
}

export interface ApplyOptions {
  ruleset?: Ruleset;
  unifyConfig?: UnifyConfig;
  /** the compacted L2 topic the outbox relay publishes to */
  profilesTopic: string;
  /** a neighbourhood larger than this is refused (the batch fails loudly instead of loading half the population) */
  maxNeighbourhood?: number;
  /** evaluate the neighbourhood's pairs again instead of trusting the stored links (after a ruleset change) */
  relink?: boolean;
  /** per-phase milliseconds, added to (IDENTITY_TRACE) */
  trace?: Record<string, number>;
}

interface RecordRow { key: string; source: string; createdAt: Date; updatedAt: Date; l1: L1Record; profileId: string | null; gender: Gender | null }

const unique = <T>(xs: Iterable<T>) => [...new Set(xs)];

/** What the rules compare of a candidate, read out of its L1 JSON by PostgreSQL (no whole record crosses the wire). */
interface CandidateRow {
  key: string;
  blocks: string[];
  nraw: string | null; nkey: string | null; jamo: string | null; script: string | null;
  phones: { raw: string; e164: string | null; matchable: boolean; alone: boolean }[] | null;
  eraw: string | null; evalue: string | null; ematch: boolean | null;
  birth: string | null; pivoted: boolean | null;
  araw: string | null; anorm: string | null; sido: string | null; sigungu: string | null; district: string | null;
}

const CANDIDATES_SQL = `
  SELECT r.key, b.blocks, r.l1->'name'->>'raw' AS nraw, r.l1->'name'->>'key' AS nkey, r.l1->'name'->>'jamo' AS jamo, r.l1->'name'->>'script' AS script,
    (SELECT jsonb_agg(jsonb_build_object('raw', p->'raw', 'e164', p->'e164', 'matchable', p->'matchable', 'alone', p->'alone')) FROM jsonb_array_elements(r.l1->'phones') p) AS phones,
    r.l1->'email'->>'raw' AS eraw, r.l1->'email'->>'value' AS evalue, (r.l1->'email'->>'matchable')::boolean AS ematch,
    r.l1->'birth'->>'date' AS birth, coalesce(r.l1->'birth'->'flags' ? 'pivoted', false) AS pivoted,
    r.l1->'address'->>'raw' AS araw, r.l1->'address'->>'normalised' AS anorm, r.l1->'address'->>'sido' AS sido,
    r.l1->'address'->>'sigungu' AS sigungu, r.l1->'address'->>'district' AS district
  FROM (SELECT "recordKey", array_agg("blockKey") AS blocks FROM "IdentityBlock" WHERE "blockKey" = ANY($1) GROUP BY "recordKey") b
  JOIN "IdentityRecord" r ON r.key = b."recordKey"`;

/** A candidate as an L1 record holding what linkingRule reads (the rest is absent: it is never shown or stored). */
function candidateL1(c: CandidateRow): L1Record {
  return {
    name: c.nkey === null ? null : { raw: c.nraw, key: c.nkey, jamo: c.jamo, script: c.script, display: c.nkey } as unknown as L1Record['name'],
    phones: (c.phones ?? []) as unknown as L1Record['phones'],
    email: c.evalue === null ? null : { raw: c.eraw, value: c.evalue, matchable: c.ematch === true } as unknown as L1Record['email'],
    birth: c.birth === null ? null : { date: c.birth, flags: c.pivoted ? ['pivoted'] : [] } as unknown as L1Record['birth'],
    address: c.araw === null && c.district === null ? null : { raw: c.araw, normalised: c.anorm, sido: c.sido, sigungu: c.sigungu, district: c.district } as unknown as L1Record['address'],
    keys: [], flags: [],
  };
}

/**
 * The records of the usable blocks `usable` that one of `records` links to by the rules, judged on the fields the
 * rules compare (CANDIDATES_SQL); those in `skip` are not looked at. `screened`: how many candidates were read.
 */
async function linkedCandidates(sql: Sql, records: readonly { key: string; l1: L1Record }[], usable: readonly string[], skip: ReadonlySet<string>, ruleset: Ruleset): Promise<{ linked: string[]; screened: number }> {
  const byBlock = new Map<string, { key: string; l1: L1Record }[]>();
  for (const r of records) for (const k of r.l1.keys) byBlock.set(k, [...(byBlock.get(k) ?? []), r]);
  const linked: string[] = [];
  const candidates = (await sql.query<CandidateRow>(CANDIDATES_SQL, [usable])).rows;
  for (const c of candidates) {
    if (skip.has(c.key)) continue;
    const l1 = candidateL1(c);
    for (const r of new Set(c.blocks.flatMap((b) => byBlock.get(b) ?? []))) {
      if (r.key === c.key) continue;
      if (c.key < r.key ? linkingRule(l1, r.l1, ruleset) : linkingRule(r.l1, l1, ruleset)) { linked.push(c.key); break; }
    }
  }
  return { linked, screened: candidates.length };
}

/**
 * Screens a sample of stored records against their candidates, writing nothing: V8 compiles the rules' hot paths
 * and PostgreSQL reads the candidate query's pages and plans it before the first real change. A freshly started
 * linker with 3 million records stored screened its first changes 2.5x slower than later ones, and the backlog that
 * formed meanwhile took another 10 s to work off.
 */
export async function warmUp(sql: Sql, ruleset: Ruleset = defaultRuleset, sample = 100): Promise<{ records: number; candidates: number; linked: number }> {
  const rows = (await sql.query<{ key: string; l1: L1Record }>(`SELECT key, l1 FROM "IdentityRecord" LIMIT $1`, [sample])).rows;
  const keys = unique(rows.flatMap((r) => r.l1.keys));
  const usable = (await sql.query<{ blockKey: string }>(`SELECT "blockKey" FROM "IdentityBlockSize" WHERE "blockKey" = ANY($1) AND size <= $2`, [keys, ruleset.limits.maxBlockSize])).rows.map((r) => r.blockKey);
  if (!usable.length) return { records: rows.length, candidates: 0, linked: 0 };
  const { linked, screened } = await linkedCandidates(sql, rows, usable, new Set(), ruleset);
  return { records: rows.length, candidates: screened, linked: linked.length };
}

/** A batch whose neighbourhood is past the limit; thrown before anything is written. */
export class NeighbourhoodTooLarge extends Error {
  constructor(readonly limit: number, readonly changes: number) {
    super(`identity: ${changes} change(s) reach more than ${limit} records (candidates, linked, merged or in one profile): refusing to load them all`);
  }
}

/**
 * Apply changes in batches as large as the neighbourhood limit allows: a batch whose neighbourhood is too large is
 * split in two, in order (a dense population, common names with their blocks full, makes a 2,000-change batch reach
 * more records than memory should hold). One change past the limit is an error. `sql` inside a transaction.
 */
export async function applyChanges(sql: Sql, changes: readonly StoreChange[], o: ApplyOptions): Promise<BatchResult> {
  const t = performance.now();
  await sql.query('SELECT pg_advisory_xact_lock($1)', [IDENTITY_LOCK]); // what is stored cannot change under the filter
  const kept = await withoutNoOps(sql, await withoutErased(sql, changes));
  if (o.trace) o.trace['no-ops'] = (o.trace['no-ops'] ?? 0) + performance.now() - t;
  if (!kept.length) return { events: [], written: [], retired: [], neighbourhood: 0, drift: 0 };
  return applyInHalves(sql, kept, o);
}

/**
 * The changes less the upserts of erased records (IdentityErasedRecord): staff erased that person, and a change
 * arriving later (an import, a source row written again) must not store them again. Deletes pass.
 */
export async function withoutErased(sql: Sql, changes: readonly StoreChange[]): Promise<readonly StoreChange[]> {
  const keys = changes.flatMap((c) => (c.type === 'upsert' ? [c.row.key] : []));
  if (!keys.length) return changes;
  const erased = new Set((await sql.query<{ recordKey: string }>(
    `SELECT "recordKey" FROM "IdentityErasedRecord" WHERE "recordKey" = ANY($1)`, [keys])).rows.map((r) => r.recordKey));
  return erased.size ? changes.filter((c) => c.type !== 'upsert' || !erased.has(c.row.key)) : changes;
}

/**
 * The changes less the upserts that change nothing: the record is stored with the same L1 fields, times and gender
 * (a connector's snapshot after identity:backfill sends every row again; a row written again unchanged). Only a key
 * the batch touches once is dropped: A, A', A must all be applied.
 */
export async function withoutNoOps(sql: Sql, changes: readonly StoreChange[]): Promise<readonly StoreChange[]> {
  const touches = new Map<string, number>();
  for (const c of changes) {
    const k = c.type === 'upsert' ? c.row.key : c.type === 'delete' ? c.key : null;
    if (k) touches.set(k, (touches.get(k) ?? 0) + 1);
  }
  const once = changes.flatMap((c) => (c.type === 'upsert' && touches.get(c.row.key) === 1 ? [c.row.key] : []));
  if (!once.length) return changes;
  const stored = new Map((await sql.query<{ key: string; l1: L1Record; createdAt: Date; updatedAt: Date; raw: Record<string, unknown> }>(
    `SELECT key, l1, "createdAt", "updatedAt", raw FROM "IdentityRecord" WHERE key = ANY($1)`, [once])).rows.map((r) => [r.key, r]));
  if (!stored.size) return changes;
  const same = (c: Extract<StoreChange, { type: 'upsert' }>) => {
    const s = stored.get(c.row.key);
    if (!s || s.createdAt.getTime() !== c.row.createdAt.getTime() || s.updatedAt.getTime() !== c.row.updatedAt.getTime()) return false;
    const table = SOURCE_TABLES.find((t) => c.row.key.startsWith(t.keyPrefix));
    if ((table?.gender?.(s.raw) ?? null) !== c.row.gender) return false;
    // as stored: JSON drops undefined fields, and jsonb does not keep key order (isDeepStrictEqual ignores it)
    return isDeepStrictEqual(s.l1, JSON.parse(JSON.stringify(c.row.l1)));
  };
  return changes.filter((c) => c.type !== 'upsert' || touches.get(c.row.key) !== 1 || !same(c));
}

async function applyInHalves(sql: Sql, changes: readonly StoreChange[], o: ApplyOptions): Promise<BatchResult> {
  try {
    return await applyBatch(sql, changes, o);
  } catch (e) {
    if (!(e instanceof NeighbourhoodTooLarge) || changes.length === 1) throw e;
    const half = Math.ceil(changes.length / 2);
    const [a, b] = [await applyInHalves(sql, changes.slice(0, half), o), await applyInHalves(sql, changes.slice(half), o)];
    return { events: [...a.events, ...b.events], written: [...a.written, ...b.written], retired: [...a.retired, ...b.retired],
      neighbourhood: Math.max(a.neighbourhood, b.neighbourhood), drift: a.drift + b.drift };
  }
}

/** Apply one batch. `sql` must be inside a transaction (BEGIN ... COMMIT is the caller's). */
export async function applyBatch(sql: Sql, changes: readonly StoreChange[], o: ApplyOptions): Promise<BatchResult> {
  const ruleset = o.ruleset ?? defaultRuleset;
  const max = ruleset.limits.maxBlockSize;
  let last = performance.now();
  const mark = (phase: string) => {
    if (!o.trace) return;
    const now = performance.now();
    o.trace[phase] = (o.trace[phase] ?? 0) + now - last;
    last = now;
  };
  await sql.query('SELECT pg_advisory_xact_lock($1)', [IDENTITY_LOCK]);
  mark('lock');

  // ── 1. the neighbourhood ──────────────────────────────────────────────────────────────────────────────────────
  const liftIds = changes.flatMap((c) => (c.type === 'lift' ? [c.id] : []));
  const lifted = liftIds.length
    ? (await sql.query<{ id: string; a: string[]; b: string[] }>(`SELECT id, a, b FROM "IdentityManual" WHERE id = ANY($1) AND "liftedAt" IS NULL`, [liftIds])).rows
    : [];
  const seeds = unique(changes.flatMap((c) => {
    switch (c.type) {
      case 'upsert': return [c.row.key];
      case 'delete': return [c.key];
      case 'merge': return [c.merge.a, c.merge.b];
      case 'ban': return [...c.ban.a, ...c.ban.b];
      case 'lift': return lifted.filter((m) => m.id === c.id).flatMap((m) => [...m.a, ...m.b]);
    }
  }));
  const storedSeeds = (await sql.query<{ key: string; keys: string[] }>(`SELECT key, l1->'keys' AS keys FROM "IdentityRecord" WHERE key = ANY($1)`, [seeds])).rows;
  // blocking keys the changes touch, and how many of the changed records hold each (old or new)
  const touches = new Map<string, number>();
  const touch = (keys: readonly string[]) => { for (const k of new Set(keys)) touches.set(k, (touches.get(k) ?? 0) + 1); };
  for (const r of storedSeeds) touch(r.keys);
  for (const c of changes) if (c.type === 'upsert') touch(c.row.l1.keys);
  const touched = [...touches.keys()];
  const sizes = new Map((await sql.query<{ blockKey: string; size: number }>(`SELECT "blockKey", size FROM "IdentityBlockSize" WHERE "blockKey" = ANY($1)`, [touched])).rows.map((r) => [r.blockKey, r.size]));
  // a block that is, or may become, usable: its records are candidates
  const small = touched.filter((k) => (sizes.get(k) ?? 0) <= max + touches.get(k)!);
  // one that may cross the limit in this batch (either way): every record of it matters, their links come or go
  const crossing = small.filter((k) => (sizes.get(k) ?? 0) + touches.get(k)! > max);
  const members = crossing.length
    ? (await sql.query<{ recordKey: string }>(`SELECT DISTINCT "recordKey" FROM "IdentityBlock" WHERE "blockKey" = ANY($1)`, [crossing])).rows.map((r) => r.recordKey)
    : [];
  // one that stays usable: only the candidates a changed record links to can regroup anything (the others stay
  // as they are). They are found from the few fields the rules compare, read out of the L1 JSON by PostgreSQL:
  // with 3 million records a change has hundreds of candidates, and loading each one's whole record, links and
  // profile made a batch load tens of thousands of records
  const upserts = changes.flatMap((c) => (c.type === 'upsert' ? [c.row] : []));
  const usable = small.filter((k) => (sizes.get(k) ?? 0) + touches.get(k)! <= max);
  if (usable.length && upserts.length) members.push(...(await linkedCandidates(sql, upserts, usable, new Set(members), ruleset)).linked);

  mark('blocks');
  const limit = o.maxNeighbourhood ?? 20_000;
  const inHood = new Set<string>();
  const oldLinks = new Map<string, Link>(); // "a b" -> link: every stored link touching the neighbourhood
  let frontier = unique([...seeds, ...members]);
  while (frontier.length) {
    for (const k of frontier) inHood.add(k);
    if (inHood.size > limit) throw new NeighbourhoodTooLarge(limit, changes.length);
    const found = new Set<string>();
    const links = (await sql.query<Link>(`SELECT a, b, rule, score FROM "IdentityLink" WHERE a = ANY($1) UNION SELECT a, b, rule, score FROM "IdentityLink" WHERE b = ANY($1)`, [frontier])).rows;
    for (const l of links) {
      oldLinks.set(`${l.a} ${l.b}`, l);
      found.add(l.a).add(l.b);
    }
    const mates = (await sql.query<{ records: string[] }>(
      `SELECT p.records FROM "IdentityProfile" p WHERE p.id IN (SELECT "profileId" FROM "IdentityRecord" WHERE key = ANY($1) AND "profileId" IS NOT NULL)`, [frontier])).rows;
    for (const m of mates) for (const k of m.records) found.add(k);
    const merged = (await sql.query<{ a: string[]; b: string[] }>(
      `SELECT m.a, m.b FROM "IdentityManual" m JOIN "IdentityManualRecord" r ON r."manualId" = m.id WHERE r."recordKey" = ANY($1) AND m.kind = 'merge' AND m."liftedAt" IS NULL`, [frontier])).rows;
    for (const m of merged) for (const k of [...m.a, ...m.b]) found.add(k);
    frontier = [...found].filter((k) => !inHood.has(k));
  }
  const hood = [...inHood];

  mark('closure');
  // ── 2. the engine, restored ───────────────────────────────────────────────────────────────────────────────────
  const rows = (await sql.query<RecordRow>(
    `SELECT key, source, "createdAt", "updatedAt", l1, "profileId", CASE WHEN source = 'OM' AND raw->>'gender' IN ('M', 'F') THEN raw->>'gender' END AS gender
     FROM "IdentityRecord" WHERE key = ANY($1)`, [hood])).rows;
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const linkRecord = (r: { key: string; createdAt: Date; l1: L1Record }): LinkRecord => ({ key: r.key, createdAt: r.createdAt.toISOString(), l1: r.l1 });
  // per blocking key of the loaded records: how many records outside the neighbourhood hold it
  const heldHere = new Map<string, number>();
  for (const r of rows) for (const k of new Set(r.l1.keys)) heldHere.set(k, (heldHere.get(k) ?? 0) + 1);
  const unknown = [...heldHere.keys()].filter((k) => !sizes.has(k));
  if (unknown.length) for (const r of (await sql.query<{ blockKey: string; size: number }>(`SELECT "blockKey", size FROM "IdentityBlockSize" WHERE "blockKey" = ANY($1)`, [unknown])).rows) sizes.set(r.blockKey, r.size);
  const elsewhere = new Map<string, number>();
  for (const [k, size] of sizes) {
    const outside = size - (heldHere.get(k) ?? 0);
    if (outside > 0) elsewhere.set(k, outside);
  }
  const profileIds = unique(rows.flatMap((r) => (r.profileId ? [r.profileId] : [])));
  const profiles = (await sql.query<{ id: string; sinceCreatedAt: Date; sinceKey: string; records: string[]; version: number }>(
    `SELECT id, "sinceCreatedAt", "sinceKey", records, version FROM "IdentityProfile" WHERE id = ANY($1)`, [profileIds])).rows;
  const versions = new Map(profiles.map((p) => [p.id, p.version]));
  const manual = (await sql.query<{ id: string; kind: string; a: string[]; b: string[] }>(
    `SELECT DISTINCT m.id, m.kind, m.a, m.b FROM "IdentityManual" m JOIN "IdentityManualRecord" r ON r."manualId" = m.id WHERE r."recordKey" = ANY($1) AND m."liftedAt" IS NULL`, [hood])).rows;
  const candidateIds = [...hood, ...changes.flatMap((c) => (c.type === 'upsert' ? [c.row.key] : []))].flatMap((k) => ProfileIds.candidateIds(k));
  const used = new Set((await sql.query<{ id: string }>(`SELECT id FROM "IdentityProfileId" WHERE id = ANY($1)`, [candidateIds])).rows.map((r) => r.id));
  const ids = new ProfileIds((id) => used.has(id));
  mark('load');
  const { engine, drift } = LinkingEngine.restore({
    records: rows.map(linkRecord),
    profiles: profiles.map((p) => ({ id: p.id, since: { createdAt: p.sinceCreatedAt.toISOString(), key: p.sinceKey }, records: p.records })),
    ruleset, index: new MemoryCandidateIndex(max, elsewhere), ids,
    // trusted as stored unless the ruleset changed (o.relink): evaluating every pair again is the slow path
    links: o.relink ? undefined : oldLinks.values(),
    merges: manual.filter((m) => m.kind === 'merge').map((m) => ({ id: m.id, a: m.a[0]!, b: m.b[0]! })),
    bans: manual.filter((m) => m.kind === 'ban').map((m) => ({ id: m.id, a: m.a, b: m.b })),
  });
  const before = new Map([...engine.allProfiles()].map((p) => [p.id, p]));

  mark('restore');
  // ── 3. the changes, one by one ────────────────────────────────────────────────────────────────────────────────
  const events: { event: ProfileEvent; by?: string; why?: string }[] = [];
  const changed = new Set<string>(), retired = new Set<string>();
  const upserted = new Map<string, SourceRow & { changedAt?: Date }>(), deleted = new Set<string>();
  for (const c of changes) {
    let change: Change;
    if (c.type === 'upsert') {
      change = { type: 'upsert', record: linkRecord(c.row) };
      upserted.set(c.row.key, { ...c.row, changedAt: c.changedAt });
      deleted.delete(c.row.key);
    } else if (c.type === 'delete') {
      change = { type: 'delete', key: c.key };
      upserted.delete(c.key);
      deleted.add(c.key);
    } else if (c.type === 'merge') change = { type: 'merge', merge: c.merge };
    else if (c.type === 'ban') change = { type: 'ban', ban: c.ban };
    else change = { type: 'lift', id: c.id };
    const res = engine.apply(change);
    const who = 'by' in c ? { by: c.by, why: c.why } : {};
    for (const e of res.events) events.push({ event: e, ...who });
    for (const p of res.changed) changed.add(p.id);
    for (const id of res.retired) { retired.add(id); changed.delete(id); }
  }

  mark('apply');
  // ── 4. written back ───────────────────────────────────────────────────────────────────────────────────────────
  for (const c of changes) {
    if (c.type === 'merge' || c.type === 'ban') {
      const [id, a, b] = c.type === 'merge' ? [c.merge.id, [c.merge.a], [c.merge.b]] : [c.ban.id, [...c.ban.a], [...c.ban.b]];
      await sql.query(`INSERT INTO "IdentityManual" (id, kind, a, b, by, why) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, a = EXCLUDED.a, b = EXCLUDED.b, by = EXCLUDED.by, why = EXCLUDED.why, at = now(), "liftedAt" = NULL`,
        [id, c.type, a, b, c.by, c.why]);
      await sql.query(`DELETE FROM "IdentityManualRecord" WHERE "manualId" = $1`, [id]);
      await sql.query(`INSERT INTO "IdentityManualRecord" ("manualId", "recordKey") SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, [id, unique([...a, ...b])]);
    } else if (c.type === 'lift') {
      await sql.query(`UPDATE "IdentityManual" SET "liftedAt" = now(), why = why || ' / lifted: ' || $2 WHERE id = $1 AND "liftedAt" IS NULL`, [c.id, c.why]);
    }
  }
  const oldKeys = new Map(storedSeeds.map((r) => [r.key, r.keys]));
  const sizeDelta = new Map<string, number>();
  const bump = (k: string, d: number) => sizeDelta.set(k, (sizeDelta.get(k) ?? 0) + d);
  for (const key of deleted) {
    if (!oldKeys.has(key)) continue;
    for (const k of new Set(oldKeys.get(key))) bump(k, -1);
  }
  for (const [key, r] of upserted) {
    for (const k of new Set(oldKeys.get(key) ?? [])) bump(k, -1);
    for (const k of new Set(r.l1.keys)) bump(k, +1);
  }
  const gone = [...deleted].filter((k) => oldKeys.has(k));
  if (gone.length) await sql.query(`DELETE FROM "IdentityRecord" WHERE key = ANY($1)`, [gone]);
  const rewritten = [...gone, ...[...upserted.keys()].filter((k) => oldKeys.has(k))];
  if (rewritten.length) await sql.query(`DELETE FROM "IdentityBlock" WHERE "recordKey" = ANY($1)`, [rewritten]);
  if (upserted.size) {
    const us = [...upserted.values()];
    const now = Date.now();
    await sql.query(
      `INSERT INTO "IdentityRecord" (key, source, "sourceId", "createdAt", "updatedAt", raw, l1, "profileId", name, initials, phones, email, "processedAt", "latencyMs")
       SELECT u.key, u.source, u."sourceId", u."createdAt", u."updatedAt", u.raw, u.l1, u."profileId", u.name, u.initials, ARRAY(SELECT jsonb_array_elements_text(u.phones)), u.email, now(), u."latencyMs"
       FROM jsonb_to_recordset($1::jsonb) AS u(key text, source text, "sourceId" text, "createdAt" timestamptz, "updatedAt" timestamptz, raw jsonb, l1 jsonb, "profileId" text, name text, initials text, phones jsonb, email text, "latencyMs" int)
       ON CONFLICT (key) DO UPDATE SET source = EXCLUDED.source, "sourceId" = EXCLUDED."sourceId", "createdAt" = EXCLUDED."createdAt", "updatedAt" = EXCLUDED."updatedAt",
         raw = EXCLUDED.raw, l1 = EXCLUDED.l1, "profileId" = EXCLUDED."profileId", name = EXCLUDED.name, initials = EXCLUDED.initials, phones = EXCLUDED.phones, email = EXCLUDED.email,
         "processedAt" = now(), "latencyMs" = EXCLUDED."latencyMs"`,
      [JSON.stringify(us.map((r) => ({
        key: r.key, source: r.source, sourceId: r.sourceId, createdAt: r.createdAt, updatedAt: r.updatedAt,
        raw: r.raw, l1: r.l1, profileId: engine.profileIdOf(r.key),
        name: r.l1.name?.key.replace(/ /g, '') ?? null, initials: r.l1.name?.initials || null, phones: unique(r.l1.phones.flatMap((p) => (p.e164 ? [p.e164] : []))), email: r.l1.email?.value ?? null,
        latencyMs: r.changedAt ? Math.max(0, now - r.changedAt.getTime()) : null,
      })))],
    );
    const blocks = us.flatMap((r) => unique(r.l1.keys).map((k) => [k, r.key]));
    if (blocks.length) {
      await sql.query(`INSERT INTO "IdentityBlock" ("blockKey", "recordKey") SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
        [blocks.map((b) => b[0]), blocks.map((b) => b[1])]);
    }
  }
  const deltas = [...sizeDelta].filter(([, d]) => d !== 0);
  if (deltas.length) {
    await sql.query(
      `INSERT INTO "IdentityBlockSize" ("blockKey", size) SELECT * FROM unnest($1::text[], $2::int[])
       ON CONFLICT ("blockKey") DO UPDATE SET size = "IdentityBlockSize".size + EXCLUDED.size`,
      [deltas.map((d) => d[0]), deltas.map((d) => d[1])]);
    await sql.query(`DELETE FROM "IdentityBlockSize" WHERE "blockKey" = ANY($1) AND size <= 0`, [deltas.map((d) => d[0])]);
  }

  mark('write-records');
  // links: what the engine holds among the neighbourhood now, against what was stored
  const newLinks = new Map<string, Link>();
  for (const l of engine.allLinks()) newLinks.set(`${l.a} ${l.b}`, l);
  const dropLinks = [...oldLinks.keys()].filter((k) => !newLinks.has(k) || newLinks.get(k)!.rule !== oldLinks.get(k)!.rule || newLinks.get(k)!.score !== oldLinks.get(k)!.score);
  const addLinks = [...newLinks].filter(([k, l]) => { const o = oldLinks.get(k); return !o || o.rule !== l.rule || o.score !== l.score; }).map(([, l]) => l);
  if (dropLinks.length) {
    await sql.query(`DELETE FROM "IdentityLink" l USING unnest($1::text[], $2::text[]) AS d(a, b) WHERE l.a = d.a AND l.b = d.b`,
      [dropLinks.map((k) => k.split(' ')[0]), dropLinks.map((k) => k.split(' ')[1])]);
  }
  if (addLinks.length) {
    await sql.query(`INSERT INTO "IdentityLink" (a, b, rule, score) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[])`,
      [addLinks.map((l) => l.a), addLinks.map((l) => l.b), addLinks.map((l) => l.rule), addLinks.map((l) => l.score)]);
  }

  mark('write-links');
  // profiles: the changed ones with their golden fields; the retired ones gone (redirected when absorbed)
  const after = [...changed].map((id) => engine.profile(id)).filter((p): p is StoredProfile => p !== null);
  const finalIds = new Set(after.map((p) => p.id));
  for (const id of retired) finalIds.delete(id);
  const written: { id: string; version: number }[] = [];
  const messages: { key: string; value: ProfileMessage | null }[] = [];
  const recordOf = (k: string) => {
    const u = upserted.get(k);
    if (u) return { key: k, source: u.source, updatedAt: u.updatedAt, l1: u.l1, gender: u.gender };
    const r = byKey.get(k)!;
    return { key: k, source: r.source, updatedAt: r.updatedAt, l1: r.l1, gender: r.gender };
  };
  const profileRows = [];
  for (const p of after) {
    if (!finalIds.has(p.id)) continue;
    const golden = unify(p.records.map(recordOf), o.unifyConfig ?? DEFAULT_UNIFY_CONFIG);
    const version = (versions.get(p.id) ?? 0) + 1;
    const { phones, emails, records, ...fields } = golden;
    const message: ProfileMessage = { profileId: p.id, version, golden: fields, contactPoints: { phones, emails }, records, review: p.review, updatedAt: new Date().toISOString() };
    messages.push({ key: p.id, value: message });
    written.push({ id: p.id, version });
    profileRows.push({ id: p.id, sinceCreatedAt: p.since.createdAt, sinceKey: p.since.key, records: p.records, links: p.links, refusals: p.refusals, review: p.review,
      golden: fields, contactPoints: { phones, emails }, name: golden.name?.value.replace(/ /g, '') ?? null, version });
  }
  const removedProfiles = unique([...before.keys(), ...retired]).filter((id) => !finalIds.has(id) && engine.profile(id)?.id !== id);
  if (removedProfiles.length) {
    await sql.query(`DELETE FROM "IdentityProfile" WHERE id = ANY($1)`, [removedProfiles]);
    for (const id of removedProfiles) messages.push({ key: id, value: null });
  }
  if (profileRows.length) {
    await sql.query(
      `INSERT INTO "IdentityProfile" (id, "sinceCreatedAt", "sinceKey", records, links, refusals, review, golden, "contactPoints", name, version, "updatedAt")
       SELECT p.id, p."sinceCreatedAt", p."sinceKey", ARRAY(SELECT jsonb_array_elements_text(p.records)), p.links, p.refusals, p.review, p.golden, p."contactPoints", p.name, p.version, now()
       FROM jsonb_to_recordset($1::jsonb) AS p(id text, "sinceCreatedAt" timestamptz, "sinceKey" text, records jsonb, links jsonb, refusals jsonb, review boolean, golden jsonb, "contactPoints" jsonb, name text, version int)
       ON CONFLICT (id) DO UPDATE SET "sinceCreatedAt" = EXCLUDED."sinceCreatedAt", "sinceKey" = EXCLUDED."sinceKey", records = EXCLUDED.records, links = EXCLUDED.links,
         refusals = EXCLUDED.refusals, review = EXCLUDED.review, golden = EXCLUDED.golden, "contactPoints" = EXCLUDED."contactPoints", name = EXCLUDED.name,
         version = EXCLUDED.version, "updatedAt" = now()`,
      [JSON.stringify(profileRows)]);
  }
  mark('write-profiles');
  // every loaded record's profile, where it moved
  const moved = hood.filter((k) => byKey.has(k) && !deleted.has(k) && !upserted.has(k) && byKey.get(k)!.profileId !== engine.profileIdOf(k));
  if (moved.length) {
    await sql.query(`UPDATE "IdentityRecord" r SET "profileId" = m.p FROM unnest($1::text[], $2::text[]) AS m(k, p) WHERE r.key = m.k`,
      [moved, moved.map((k) => engine.profileIdOf(k))]);
  }
  if (ids.issuedNow.length) await sql.query(`INSERT INTO "IdentityProfileId" (id) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [ids.issuedNow]);
  if (ids.redirectedNow.size) {
    const r = [...ids.redirectedNow].map(([from]) => [from, ids.resolve(from)] as const);
    await sql.query(`UPDATE "IdentityProfileId" p SET "redirectTo" = r.t, "retiredAt" = coalesce("retiredAt", now()) FROM unnest($1::text[], $2::text[]) AS r(f, t) WHERE p.id = r.f`,
      [r.map((x) => x[0]), r.map((x) => x[1])]);
    // ids that redirected to an id now absorbed in turn follow it (one hop to the current profile)
    await sql.query(`UPDATE "IdentityProfileId" p SET "redirectTo" = r.t FROM unnest($1::text[], $2::text[]) AS r(f, t) WHERE p."redirectTo" = r.f`,
      [r.map((x) => x[0]), r.map((x) => x[1])]);
  }
  const removedIds = removedProfiles.filter((id) => !ids.redirectedNow.has(id));
  if (removedIds.length) await sql.query(`UPDATE "IdentityProfileId" SET "retiredAt" = now() WHERE id = ANY($1) AND "retiredAt" IS NULL`, [removedIds]);
  if (events.length) {
    await sql.query(
      `INSERT INTO "IdentityEvent" ("profileId", type, detail, by, why) SELECT e."profileId", e.type, e.detail, e.by, e.why
       FROM jsonb_to_recordset($1::jsonb) AS e("profileId" text, type text, detail jsonb, by text, why text)`,
      [JSON.stringify(events.map((e) => ({ profileId: e.event.profileId, type: e.event.type, detail: e.event, by: e.by ?? null, why: e.why ?? null })))]);
  }
  if (messages.length) {
    // with the NOTIFY that wakes the outbox relay on commit (without it the relay found them by its 1 s safety poll:
    // half a second more, on average, from a change to its L2 message)
    await sql.query(
      `WITH outbox_insert AS (INSERT INTO "OutboxEvent" ("eventId", topic, key, type, envelope) SELECT m."eventId"::uuid, $2, m.key, m.type, m.envelope
       FROM jsonb_to_recordset($1::jsonb) AS m("eventId" text, key text, type text, envelope jsonb) RETURNING 1)
       SELECT pg_notify('outbox', '') WHERE EXISTS (SELECT FROM outbox_insert)`,
      [JSON.stringify(messages.map((m) => ({ eventId: randomUUID(), key: m.key, type: m.value ? 'customer360.profile' : 'tombstone',
        envelope: m.value ? { ...m.value, correlationId: m.key } : { correlationId: m.key, version: 0 } }))), o.profilesTopic]);
  }
  mark('write-rest');
  return { events: events.map((e) => e.event), written, retired: removedProfiles, neighbourhood: hood.length, drift };
}
