import { describe, expect, it } from 'vitest';
import { defaultRuleset } from './default-ruleset';
import { LinkingEngine } from './engine';
import { interleave, rng, syntheticChanges, syntheticRecords } from './testing/synthetic';
import type { Change, LinkRecord, ManualBan, ManualMerge } from './types';

// Throughput (2026-12, a scratch loop on this 2-core machine while a CI run was going on; L1 cleansing not counted):
// 39,843 generated records (20,000 people, about 30 candidates a record) inserted one change at a time, about 11,600
// changes/s per CPU-second; the full stream of 70,000 changes (a third of the records edited twice, a tenth deleted,
// every edit making and unmaking links), about 6,500 changes/s per CPU-second, single-threaded; rebuild() of the same
// 40,000 records 1.9 s (about 21,000 records/s). The engine holds about 1 KB a record besides the L1 records.

/** the state the changes leave: the last upsert of each key unless deleted after it, every merge and ban */
function finalState(changes: readonly Change[]) {
  const records = new Map<string, LinkRecord>();
  const merges: ManualMerge[] = [], bans: ManualBan[] = [];
  for (const c of changes) {
    if (c.type === 'upsert') records.set(c.record.key, c.record);
    else if (c.type === 'delete') records.delete(c.key);
    else if (c.type === 'merge') merges.push(c.merge);
    else if (c.type === 'ban') bans.push(c.ban);
  }
  return { records: [...records.values()], merges, bans };
}

const review = (e: LinkingEngine) => [...e.allProfiles()].filter((p) => p.review).map((p) => p.records[0]).sort();

describe('the incremental path groups as a rebuild does, whatever the order of the changes', () => {
  // the default limits, and limits so tight that blocks cross them both ways and groups are held for review
  const tight = { ...defaultRuleset, limits: { maxBlockSize: 4, maxGroupSize: 3 } };
  it.each([
    [1, 'default', defaultRuleset], [2, 'default', defaultRuleset], [3, 'default', defaultRuleset],
    [4, 'tight', tight], [5, 'tight', tight], [6, 'tight', tight],
  ])('seed %i, %s limits: 250 people, their records upserted, edited, deleted, merged and banned in three orders', (seed, _, ruleset) => {
    const records = syntheticRecords(seed, 250);
    const first = syntheticChanges(seed, records);
    const { records: final, merges, bans } = finalState(first);
    const rebuilt = LinkingEngine.rebuild(final, { merges, bans, ruleset });
    // the data must exercise the guards and the merges, or the test proves little
    const refusals = new Set([...rebuilt.allProfiles()].flatMap((p) => p.refusals.map((x) => x.kind)));
    expect(rebuilt.stats().profiles).toBeLessThan(final.length * 0.8);
    expect(refusals).toContain('conflict');
    expect(refusals).toContain('ban');
    if (ruleset === tight) {
      expect(refusals).toContain('size-limit');
      expect(rebuilt.stats().oversizedKeys.length).toBeGreaterThan(10);
    }

    for (const order of [0, 1, 2]) {
      const engine = new LinkingEngine({ ruleset });
      for (const c of order === 0 ? first : reshuffle(first, seed * 10 + order)) engine.apply(c);
      expect(engine.grouping()).toEqual(rebuilt.grouping());
      expect(review(engine)).toEqual(review(rebuilt));
    }
  });
});

/** another interleaving keeping each key's order (upserts and deletes of one record come in order, as on a partition) */
function reshuffle(changes: readonly Change[], seed: number): Change[] {
  const keyOf = (c: Change) => (c.type === 'upsert' ? c.record.key : c.type === 'delete' ? c.key : c.type === 'merge' ? c.merge.id : c.type === 'ban' ? c.ban.id : c.id);
  const perKey = new Map<string, Change[]>();
  for (const c of changes) perKey.set(keyOf(c), [...(perKey.get(keyOf(c)) ?? []), c]);
  return interleave(rng(seed), perKey);
}
