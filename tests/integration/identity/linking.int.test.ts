import pg from 'pg';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanse } from '@/lib/identity/cleansing/cleanse';
import { defaultRuleset } from '@/lib/identity/linking/default-ruleset';
import { LinkingEngine } from '@/lib/identity/linking/engine';
import { rng, syntheticChanges, syntheticRecords } from '@/lib/identity/linking/testing/synthetic';
import type { Change, LinkRecord, ManualBan, ManualMerge } from '@/lib/identity/linking/types';
import { applyBatch, applyChanges, NeighbourhoodTooLarge, warmUp, type StoreChange } from '@/lib/identity/store/apply';
import type { SourceRow } from '@/lib/identity/store/source-records';
import { identityStats, sharedIdentityStats } from '@/lib/identity/desk/stats';
import { TOPICS } from '@/lib/platform/events/topics';

// The PostgreSQL-backed linking path (lib/identity/store/apply.ts) against the real database: it must group exactly
// as the in-memory engine's rebuild does, whatever the order and batching of the changes, keep ids stable through a
// merge and a split, and keep a manual split through later changes.

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
// the L2 messages these tests make are read from the outbox, never relayed: other files start the outbox relay, which
// would publish them (oldest first) before their own events
afterAll(async () => {
  await pool.query(`DELETE FROM "OutboxEvent" WHERE topic = $1`, [TOPIC]);
  await pool.end();
});
const TOPIC = TOPICS.customer360Profiles;

async function inTx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const r = await fn(c);
    await c.query('COMMIT');
    return r;
  } catch (e) {
    await c.query('ROLLBACK');
    throw e;
  } finally {
    c.release();
  }
}
const apply = (changes: StoreChange[], ruleset = defaultRuleset) => inTx((c) => applyBatch(c, changes, { profilesTopic: TOPIC, ruleset }));
// limits so tight that blocks cross them both ways and groups are held for review
const tight = { ...defaultRuleset, limits: { maxBlockSize: 4, maxGroupSize: 3 } };

const row = (r: LinkRecord): SourceRow => ({
  key: r.key, source: r.key.slice(0, 2), sourceId: r.key.slice(3), createdAt: new Date(r.createdAt), updatedAt: new Date(r.createdAt), raw: { key: r.key }, l1: r.l1, gender: null,
});
const toStore = (c: Change): StoreChange => {
  switch (c.type) {
    case 'upsert': return { type: 'upsert', row: row(c.record) };
    case 'delete': return { type: 'delete', key: c.key };
    case 'merge': return { type: 'merge', merge: c.merge, by: 'test', why: 'same person' };
    case 'ban': return { type: 'ban', ban: c.ban, by: 'test', why: 'not the same person' };
    case 'lift': return { type: 'lift', id: c.id, by: 'test', why: 'lifted' };
  }
};

async function reset() {
  await pool.query(`TRUNCATE "IdentityRecord", "IdentityBlock", "IdentityBlockSize", "IdentityLink", "IdentityProfile", "IdentityProfileId", "IdentityEvent", "IdentityManual", "IdentityManualRecord", "OutboxEvent"`);
}

async function storedGrouping(): Promise<string[][]> {
  const { rows } = await pool.query<{ records: string[] }>(`SELECT records FROM "IdentityProfile"`);
  return rows.map((r) => r.records).sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
}

function finalState(changes: readonly Change[]) {
  const records = new Map<string, LinkRecord>();
  const merges = new Map<string, ManualMerge>(), bans = new Map<string, ManualBan>();
  for (const c of changes) {
    if (c.type === 'upsert') records.set(c.record.key, c.record);
    else if (c.type === 'delete') records.delete(c.key);
    else if (c.type === 'merge') merges.set(c.merge.id, c.merge);
    else if (c.type === 'ban') bans.set(c.ban.id, c.ban);
    else { merges.delete(c.id); bans.delete(c.id); }
  }
  return { records: [...records.values()], merges: [...merges.values()], bans: [...bans.values()] };
}

/** another interleaving keeping each record's (and each manual decision's) own order, as Kafka keeps a key's */
function reshuffle(changes: readonly Change[], seed: number): Change[] {
  const keyOf = (c: Change) => (c.type === 'upsert' ? c.record.key : c.type === 'delete' ? c.key : c.type === 'merge' ? c.merge.id : c.type === 'ban' ? c.ban.id : c.id);
  const lanes = new Map<string, Change[]>();
  for (const c of changes) lanes.set(keyOf(c), [...(lanes.get(keyOf(c)) ?? []), c]);
  const r = rng(seed), queues = [...lanes.values()], out: Change[] = [];
  while (queues.length) {
    const i = Math.floor(r() * queues.length);
    out.push(queues[i]!.shift()!);
    if (queues[i]!.length === 0) queues.splice(i, 1);
  }
  return out;
}

describe('linking in PostgreSQL', () => {
  beforeEach(reset);

  it.each([['default', defaultRuleset], ['tight', tight]] as const)('groups as a rebuild from L1 does, in any order and any batching of the changes, %s limits; the stored block sizes are what the records make', async (_, ruleset) => {
    const records = syntheticRecords(31, 120);
    const changes = syntheticChanges(31, records);
    const { records: final, merges, bans } = finalState(changes);
    const rebuiltEngine = LinkingEngine.rebuild(final, { merges, bans, ruleset });
    const rebuilt = rebuiltEngine.grouping();
    if (ruleset === tight) expect(rebuiltEngine.stats().oversizedKeys.length).toBeGreaterThan(3);
    expect(rebuilt.some((g) => g.length > 1)).toBe(true);

    for (const [order, seed] of [[changes, 0], [reshuffle(changes, 7), 7]] as const) {
      await reset();
      const r = rng(seed + 1);
      for (let i = 0; i < order.length;) {
        const n = 1 + Math.floor(r() * 40); // batches of 1 to 40 changes
        await apply(order.slice(i, i + n).map(toStore), ruleset);
        i += n;
      }
      expect(await storedGrouping()).toEqual(rebuilt);
      const review = (await pool.query<{ first: string }>(`SELECT records[1] AS first FROM "IdentityProfile" WHERE review ORDER BY 1`)).rows.map((r) => r.first);
      expect(review).toEqual([...rebuiltEngine.allProfiles()].filter((p) => p.review).map((p) => p.records[0]).sort());
      // every record points at the profile that holds it
      const { rows: wrong } = await pool.query(`SELECT r.key FROM "IdentityRecord" r LEFT JOIN "IdentityProfile" p ON p.id = r."profileId" WHERE p.id IS NULL OR NOT r.key = ANY(p.records)`);
      expect(wrong).toEqual([]);
      const { rows: sizes } = await pool.query(`SELECT s."blockKey" FROM "IdentityBlockSize" s FULL JOIN (SELECT "blockKey", count(*)::int AS n FROM "IdentityBlock" GROUP BY 1) b USING ("blockKey") WHERE s.size IS DISTINCT FROM b.n`);
      expect(sizes).toEqual([]);
    }
  });

  it('a batch whose neighbourhood is past the limit is applied in halves, with the same result; a single change past it is an error', async () => {
    const records = syntheticRecords(33, 60);
    const upserts = records.map((record) => toStore({ type: 'upsert', record }));
    await expect(inTx((c) => applyBatch(c, upserts, { profilesTopic: TOPIC, maxNeighbourhood: 40 }))).rejects.toBeInstanceOf(NeighbourhoodTooLarge);
    const r = await inTx((c) => applyChanges(c, upserts, { profilesTopic: TOPIC, maxNeighbourhood: 40 }));
    expect(r.neighbourhood).toBeLessThanOrEqual(40);
    expect(await storedGrouping()).toEqual(LinkingEngine.rebuild(records).grouping());
    // a change (not the same row again: that changes nothing and is skipped) with no room at all
    const edited = { type: 'upsert' as const, row: { ...row(records[0]!), updatedAt: new Date(Date.parse(records[0]!.createdAt) + 60_000) } };
    await expect(inTx((c) => applyChanges(c, [edited], { profilesTopic: TOPIC, maxNeighbourhood: 0 }))).rejects.toBeInstanceOf(NeighbourhoodTooLarge);
  });

  it('a merge keeps the older profile id (the other redirects to it); a split gives it to the larger part', async () => {
    const t0 = Date.parse('2024-01-01T00:00:00Z');
    const rec = (key: string, days: number, src: Parameters<typeof cleanse>[0]): SourceRow =>
      ({ key, source: key.slice(0, 2), sourceId: key.slice(3), createdAt: new Date(t0 + days * 86_400_000), updatedAt: new Date(t0 + days * 86_400_000), raw: {}, l1: cleanse(src, { today: '2026-12-01' }), gender: null });
    // older person: two records on one phone; newer: two records on one email; the bridge has that phone and email
    const a1 = rec('CX:a1', 0, { name: '김민준', phones: ['010-1234-5678'] });
    const a2 = rec('OM:a2', 1, { name: '김민준', phones: ['01012345678'], birth: '19900102' });
    const b1 = rec('DI:b1', 5, { name: '김민준', email: 'mj@naver.com' });
    const b2 = rec('OM:b2', 6, { name: '김 민준', email: 'MJ@naver.com ' });
    const b3 = rec('CX:b3', 7, { name: '김민준', email: 'mj@naver.com', address: '서울 강남구' });
    await apply([a1, a2].map((row) => ({ type: 'upsert', row })));
    await apply([b1, b2, b3].map((row) => ({ type: 'upsert', row })));
    const idOf = async (key: string) => (await pool.query<{ profileId: string }>(`SELECT "profileId" FROM "IdentityRecord" WHERE key = $1`, [key])).rows[0]!.profileId;
    const [older, newer] = [await idOf('CX:a1'), await idOf('DI:b1')];
    expect(older).not.toBe(newer);

    const bridge = rec('DI:bridge', 10, { name: '김민준', phones: ['+82 10 1234 5678'], email: 'mj@naver.com' });
    const merged = await apply([{ type: 'upsert', row: bridge }]);
    expect(merged.events.map((e) => e.type)).toEqual(['merged']);
    for (const k of ['CX:a1', 'OM:a2', 'DI:b1', 'OM:b2', 'CX:b3', 'DI:bridge']) expect(await idOf(k)).toBe(older);
    expect((await pool.query(`SELECT "redirectTo" FROM "IdentityProfileId" WHERE id = $1`, [newer])).rows[0]!.redirectTo).toBe(older);
    // the L2 topic gets the survivor and a tombstone for the absorbed id
    const out = (await pool.query<{ key: string; type: string }>(`SELECT key, type FROM "OutboxEvent" ORDER BY id DESC LIMIT 2`)).rows;
    expect(out).toEqual(expect.arrayContaining([{ key: older, type: 'customer360.profile' }, { key: newer, type: 'tombstone' }]));

    // the bridge goes: the three email records are the larger part and keep the id
    const split = await apply([{ type: 'delete', key: 'DI:bridge' }]);
    expect(split.events.map((e) => e.type)).toEqual(['split']);
    expect(await idOf('DI:b1')).toBe(older);
    expect(await idOf('OM:b2')).toBe(older);
    const part = await idOf('CX:a1');
    expect(part).not.toBe(older);
    expect(part).not.toBe(newer); // an id is never given twice
    expect(await idOf('OM:a2')).toBe(part);
    const history = (await pool.query<{ type: string }>(`SELECT type FROM "IdentityEvent" WHERE "profileId" = $1 ORDER BY seq`, [older])).rows.map((r) => r.type);
    expect(history).toEqual(['created', 'merged', 'split']);
  });

  it('a manual split (a ban) keeps the records apart through later changes, and is recorded with who and why', async () => {
    const t = new Date('2025-01-01T00:00:00Z');
    const rec = (key: string, src: Parameters<typeof cleanse>[0]): SourceRow => ({ key, source: key.slice(0, 2), sourceId: key.slice(3), createdAt: t, updatedAt: t, raw: {}, l1: cleanse(src), gender: null });
    await apply([rec('CX:x1', { name: '이서연', phones: ['010-2222-3333'] }), rec('OM:x2', { name: '이서연', phones: ['01022223333'] })].map((row) => ({ type: 'upsert', row })));
    const ids = async () => (await pool.query<{ key: string; profileId: string }>(`SELECT key, "profileId" FROM "IdentityRecord" ORDER BY key`)).rows;
    expect(new Set((await ids()).map((r) => r.profileId)).size).toBe(1);
    await apply([{ type: 'ban', ban: { id: 'ban-1', a: ['CX:x1'], b: ['OM:x2'] }, by: 'staff@switchboard.kr', why: 'mother and daughter' }]);
    expect(new Set((await ids()).map((r) => r.profileId)).size).toBe(2);
    // a new record linking both, and an edit of one: still apart
    await apply([{ type: 'upsert', row: rec('DI:x3', { name: '이서연', phones: ['010 2222 3333'] }) }]);
    await apply([{ type: 'upsert', row: rec('OM:x2', { name: '이 서연', phones: ['+82-10-2222-3333'] }) }]);
    const after = await ids();
    expect(after.find((r) => r.key === 'CX:x1')!.profileId).not.toBe(after.find((r) => r.key === 'OM:x2')!.profileId);
    const manual = (await pool.query(`SELECT kind, by, why FROM "IdentityManual" WHERE id = 'ban-1'`)).rows[0];
    expect(manual).toEqual({ kind: 'ban', by: 'staff@switchboard.kr', why: 'mother and daughter' });
    const splitEvent = (await pool.query(`SELECT by, why FROM "IdentityEvent" WHERE type = 'split'`)).rows;
    expect(splitEvent).toEqual([{ by: 'staff@switchboard.kr', why: 'mother and daughter' }]);
  });

  it('the L2 messages wake the outbox relay on commit (NOTIFY outbox), not before it', async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    try {
      const heard: number[] = [];
      listener.on('notification', (m) => { if (m.channel === 'outbox') heard.push(Date.now()); });
      await listener.query('LISTEN outbox');
      const [record] = syntheticRecords(5, 1);
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const result = await applyBatch(c, [toStore({ type: 'upsert', record: record! })], { profilesTopic: TOPIC });
        expect(result.written).toHaveLength(1);
        await new Promise((r) => setTimeout(r, 200));
        expect(heard).toEqual([]); // nothing is published before the transaction commits
        await c.query('COMMIT');
      } finally {
        c.release();
      }
      await expect.poll(() => heard.length, { timeout: 2_000 }).toBe(1);
      expect((await pool.query(`SELECT count(*)::int AS n FROM "OutboxEvent" WHERE topic = $1 AND "publishedAt" IS NULL`, [TOPIC])).rows[0].n).toBe(1);
    } finally {
      await listener.end();
    }
  });

  it('the warm-up screens stored records against their candidates and writes nothing', async () => {
    expect(await warmUp(pool)).toEqual({ records: 0, candidates: 0, linked: 0 }); // an empty store: nothing to screen
    await apply(syntheticRecords(11, 60).map((record) => toStore({ type: 'upsert', record })));
    const counts = async () => (await pool.query(`SELECT (SELECT count(*) FROM "IdentityRecord") AS r, (SELECT count(*) FROM "IdentityLink") AS l,
      (SELECT count(*) FROM "IdentityProfile") AS p, (SELECT count(*) FROM "OutboxEvent") AS o, (SELECT count(*) FROM "IdentityEvent") AS e`)).rows[0];
    const before = await counts();
    const w = await warmUp(pool, defaultRuleset, 40);
    expect(w.records).toBe(40);
    expect(w.candidates).toBeGreaterThan(w.linked);
    expect(w.linked).toBeGreaterThan(0); // the synthetic people have records linked by the rules
    expect(await counts()).toEqual(before);
  });

  it('the live figures count what is stored, per source, and every staff page polling them shares one computation per 2 s', async () => {
    const records = syntheticRecords(13, 80);
    await apply(records.map((record) => toStore({ type: 'upsert', record })));
    await pool.query(`UPDATE "IdentityProfile" SET review = true WHERE id = (SELECT min(id) FROM "IdentityProfile")`);
    const stats = await identityStats(pool);
    const bySource = new Map<string, number>();
    for (const r of records) bySource.set(r.key.slice(0, 2), (bySource.get(r.key.slice(0, 2)) ?? 0) + 1);
    expect(stats.records).toEqual([...bySource].sort(([a], [b]) => (a < b ? -1 : 1)).map(([source, count]) => ({ source, count })));
    expect(stats.totalRecords).toBe(records.length);
    const profiles = (await storedGrouping()).length;
    expect([stats.profiles, stats.review]).toEqual([profiles, 1]);
    expect(stats.mergeRate).toBeCloseTo(1 - profiles / records.length, 10);
    expect(stats.lastProcessedAt).toBeInstanceOf(Date);

    let queries = 0;
    const counting = { query: (text: string, values?: unknown[]) => { queries++; return pool.query(text, values); } };
    const [a, b] = await Promise.all([sharedIdentityStats(counting, 60_000), sharedIdentityStats(counting, 60_000)]);
    expect(b).toBe(a);
    expect(queries).toBe(5); // one computation for both
    const more = syntheticRecords(14, 5);
    await apply(more.map((record) => toStore({ type: 'upsert', record: { ...record, key: `${record.key}-more` } })));
    expect((await sharedIdentityStats(counting, 60_000)).totalRecords).toBe(records.length); // still the shared one
    expect((await sharedIdentityStats(counting, 0)).totalRecords).toBe(records.length + more.length); // older than allowed: computed again
  });
});
