import { describe, expect, it } from 'vitest';
import { MemoryCandidateIndex } from './candidate-index';
import { defaultRuleset } from './default-ruleset';
import { LinkingEngine } from './engine';
import { ProfileIds } from './profile-ids';
import { syntheticChanges, syntheticRecords } from './testing/synthetic';
import type { Change, ManualBan, ManualMerge } from './types';

// LinkingEngine.restore is how the identity worker continues from PostgreSQL: an engine over the records it loaded,
// with the ids they are stored under. Restored from another engine's state, it must carry on exactly as that one.

function manualOf(changes: readonly Change[]) {
  const merges = new Map<string, ManualMerge>(), bans = new Map<string, ManualBan>();
  for (const c of changes) {
    if (c.type === 'merge') merges.set(c.merge.id, c.merge);
    if (c.type === 'ban') bans.set(c.ban.id, c.ban);
    if (c.type === 'lift') { merges.delete(c.id); bans.delete(c.id); }
  }
  return { merges: [...merges.values()], bans: [...bans.values()] };
}

const snapshot = (e: LinkingEngine) => [...e.allProfiles()].map((p) => ({ id: p.id, records: p.records, review: p.review })).sort((a, b) => (a.id < b.id ? -1 : 1));

describe('LinkingEngine.restore', () => {
  it.each([11, 12, 13])('seed %i: restored from a running engine, it keeps every profile id and applies the next changes as that engine does', (seed) => {
    const changes = syntheticChanges(seed, syntheticRecords(seed, 150));
    const cut = Math.floor(changes.length * 0.7);
    const runningIds = new ProfileIds();
    const running = new LinkingEngine({ ids: runningIds });
    for (const c of changes.slice(0, cut)) running.apply(c);

    const records = [...running.allProfiles()].flatMap((p) => p.records.map((k) => running.record(k)!));
    const { merges, bans } = manualOf(changes.slice(0, cut));
    // every id ever issued, those absorbed or removed since included (PostgreSQL keeps them in IdentityProfileId)
    const used = new Set(runningIds.issuedNow);
    const { engine: restored, drift } = LinkingEngine.restore({
      records, merges, bans,
      profiles: [...running.allProfiles()].map((p) => ({ id: p.id, since: p.since, records: p.records })),
      index: new MemoryCandidateIndex(defaultRuleset.limits.maxBlockSize),
      ids: new ProfileIds((id) => used.has(id)),
    });
    expect(drift).toBe(0);
    expect(snapshot(restored)).toEqual(snapshot(running));

    for (const c of changes.slice(cut)) {
      const [a, b] = [running.apply(c), restored.apply(c)];
      expect(b.events).toEqual(a.events);
    }
    expect(snapshot(restored)).toEqual(snapshot(running));
  });

  it('a group stored under no profile, or split differently, takes ids by the heir rules and counts as drift', () => {
    const records = syntheticRecords(21, 40);
    const full = LinkingEngine.rebuild(records);
    const profiles = [...full.allProfiles()];
    const multi = profiles.find((p) => p.records.length >= 2)!;
    // stored: the multi-record profile as two, as if an older ruleset had kept them apart
    const stored = profiles.filter((p) => p !== multi).map((p) => ({ id: p.id, since: p.since, records: p.records }));
    stored.push({ id: multi.id, since: multi.since, records: multi.records.slice(0, 1) });
    stored.push({ id: 'f'.repeat(32), since: { createdAt: '2099-01-01T00:00:00Z', key: 'zz' }, records: multi.records.slice(1) });
    const { engine, drift } = LinkingEngine.restore({ records, profiles: stored, index: new MemoryCandidateIndex(100), ids: new ProfileIds() });
    expect(drift).toBe(1);
    expect(engine.profile(multi.id)!.records).toEqual(multi.records); // the older id won
    expect(engine.profile('f'.repeat(32))!.id).toBe(multi.id); // the other redirects to it
  });

  it('a key held by more records elsewhere than the limit makes no candidates', () => {
    const records = syntheticRecords(22, 30);
    const key = records[0]!.l1.keys[0]!;
    const idx = new MemoryCandidateIndex(100, new Map([[key, 200]]));
    for (const r of records) idx.add(r);
    expect(idx.sizeOf(key)).toBeGreaterThan(200);
    expect(idx.oversized().map((o) => o.key)).toContain(key);
    const sharing = records.filter((r) => r.l1.keys.includes(key) && r.key !== records[0]!.key).map((r) => r.key);
    const viaOthers = new Set(records[0]!.l1.keys.slice(1).flatMap((k) => idx.members(k)));
    for (const k of sharing) if (!viaOthers.has(k)) expect(idx.candidates(records[0]!)).not.toContain(k);
  });
});
