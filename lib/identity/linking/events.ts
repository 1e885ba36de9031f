import { olderFirst } from './grouping';
import type { ApplyResult, ChangeRef, LostLink, ProfileEvent, StoredProfile } from './types';

const sameGroup = (x: StoredProfile, y: StoredProfile) =>
  JSON.stringify([x.records, x.links, x.refusals, x.review]) === JSON.stringify([y.records, y.links, y.refusals, y.review]);

/**
 * The events of one regrouping: the old profiles around a change, and the groups that replaced them (with their
 * ids already chosen). A group with records of several old profiles is a merge, an old profile whose records ended in
 * several groups a split, one whose records are all gone is removed, and a group of new records only is created.
 */
export function describeChanges({ change, old, stored, oldOf, absorbed, touched, linked }: {
  change: ChangeRef;
  old: ReadonlyMap<string, StoredProfile>;
  stored: readonly StoredProfile[];
  /** record key -> its old profile id */
  oldOf: ReadonlyMap<string, string>;
  /** absorbed old id -> index of the group that absorbed it */
  absorbed: ReadonlyMap<string, number>;
  /** the record the change wrote, whose profile changed even if its records did not */
  touched: string | null;
  /** whether two records are still linked (by a rule or a manual merge) */
  linked: (a: string, b: string) => boolean;
}): ApplyResult {
  const events: ProfileEvent[] = [];
  const retired = [...absorbed.keys()];
  const groupOf = new Map<string, number>();
  stored.forEach((p, i) => p.records.forEach((k) => groupOf.set(k, i)));

  stored.forEach((p, i) => {
    const from = new Map<string | null, string[]>();
    for (const k of p.records) {
      const o = oldOf.get(k) ?? null;
      from.set(o, [...(from.get(o) ?? []), k]);
    }
    const olds = [...from.keys()].filter((o) => o !== null).length;
    if (olds === 0) events.push({ type: 'created', profileId: p.id, records: p.records, cause: { change } });
    if (olds < 2) return;
    const label = (k: string) => oldOf.get(k) ?? `new:${k}`;
    events.push({
      type: 'merged', profileId: p.id,
      absorbed: [...absorbed].filter(([, g]) => g === i).map(([id]) => id),
      from: [...from].map(([profileId, records]) => ({ profileId, records })),
      cause: { change, links: p.links.filter((l) => label(l.a) !== label(l.b)) },
    });
  });

  for (const o of [...old.values()].sort((x, y) => olderFirst(x.since, y.since))) {
    const parts = new Map<number, string[]>();
    for (const k of o.records) {
      const g = groupOf.get(k);
      if (g !== undefined) parts.set(g, [...(parts.get(g) ?? []), k]);
    }
    if (parts.size === 0) {
      events.push({ type: 'removed', profileId: o.id, cause: { change } });
      retired.push(o.id);
    }
    if (parts.size < 2) continue;
    const lost: LostLink[] = [];
    for (const l of o.links) {
      const [ga, gb] = [groupOf.get(l.a), groupOf.get(l.b)];
      if (ga !== undefined && ga === gb) continue;
      const refusal = ga === undefined || gb === undefined ? undefined : stored[ga]!.refusals.find((r) => r.a === l.a && r.b === l.b);
      const why = ga === undefined || gb === undefined ? 'record-deleted' : !linked(l.a, l.b) ? 'no-longer-linked' : refusal?.kind ?? 'no-longer-linked';
      lost.push({ ...l, why });
    }
    events.push({ type: 'split', profileId: o.id, parts: [...parts].map(([g, records]) => ({ profileId: stored[g]!.id, records })), cause: { change, lost } });
  }

  const changed = stored.filter((p) => {
    const before = old.get(p.id);
    return !before || !sameGroup(before, p) || (touched !== null && p.records.includes(touched));
  });
  return { events, changed, retired };
}
