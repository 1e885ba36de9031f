import type { PhoneKind } from '../cleansing/phone';
import type { Origin } from './reconcile';
import type { UnifyRecord } from './unify';

/** A phone or email of the profile: every one is kept (no single golden phone), once per normalised value. */
export interface ContactPoint {
  /** E.164 or the lowercased email; for an invalid value, `invalid:` and what was written */
  value: string;
  /** as the most recent record holding it wrote it */
  shown: string;
  /** phones: mobile, landline, shared (050X, 080, 15XX: a company's or a safe number) or invalid */
  kind?: PhoneKind;
  /** a valid number, or a valid email that is not a placeholder (none@none.com) */
  usable: boolean;
  /** the sources holding it, in code order */
  sources: string[];
  /** the records holding it, newest first */
  records: string[];
  /** ISO time of the newest record holding it */
  lastSeen: string;
}

interface Sighting {
  value: string;
  shown: string;
  kind?: PhoneKind;
  usable: boolean;
  origin: Origin;
}

const newestFirst = (a: Origin, b: Origin) => b.updatedAt - a.updatedAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Sightings grouped by value. Order: usable first, then the most recently seen, then the most records, then the value:
 * a page that shows one phone shows the first.
 */
function collect(sightings: Sighting[]): ContactPoint[] {
  sightings.sort((a, b) => newestFirst(a.origin, b.origin));
  const byValue = new Map<string, { first: Sighting; origins: Origin[] }>();
  for (const s of sightings) {
    const seen = byValue.get(s.value);
    if (!seen) byValue.set(s.value, { first: s, origins: [s.origin] });
    else if (!seen.origins.some((o) => o.key === s.origin.key)) seen.origins.push(s.origin);
  }
  const points = [...byValue.values()].map(({ first, origins }) => ({
    value: first.value, shown: first.shown, ...(first.kind ? { kind: first.kind } : {}), usable: first.usable,
    sources: [...new Set(origins.map((o) => o.source))].sort(),
    records: origins.map((o) => o.key),
    lastSeen: new Date(first.origin.updatedAt).toISOString(),
  }));
  return points.sort((a, b) => Number(b.usable) - Number(a.usable) || b.lastSeen.localeCompare(a.lastSeen) || b.records.length - a.records.length || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

export function phoneContactPoints(records: readonly (UnifyRecord & { origin: Origin })[]): ContactPoint[] {
  return collect(records.flatMap((r) => r.l1.phones.map((p) => ({
    value: p.e164 ?? `invalid:${p.raw.replace(/[^\d+]/g, '') || p.raw}`,
    shown: p.raw, kind: p.kind, usable: p.matchable, origin: r.origin,
  }))));
}

export function emailContactPoints(records: readonly (UnifyRecord & { origin: Origin })[]): ContactPoint[] {
  return collect(records.flatMap((r) => (r.l1.email ? [{
    value: r.l1.email.valid ? r.l1.email.value : `invalid:${r.l1.email.raw}`,
    shown: r.l1.email.raw, usable: r.l1.email.matchable, origin: r.origin,
  }] : [])));
}
