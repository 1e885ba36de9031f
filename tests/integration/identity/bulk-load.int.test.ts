import pg from 'pg';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultRuleset } from '@/lib/identity/linking/default-ruleset';
import { LinkingEngine } from '@/lib/identity/linking/engine';
import { rng, syntheticChanges, syntheticRecords } from '@/lib/identity/linking/testing/synthetic';
import type { LinkRecord } from '@/lib/identity/linking/types';
import { applyChanges, type StoreChange } from '@/lib/identity/store/apply';
import { bulkLoad, StoreNotEmpty } from '@/lib/identity/store/bulk-load';
import type { SourceRow } from '@/lib/identity/store/source-records';
import { unify } from '@/lib/identity/unify/unify';
import { TOPICS } from '@/lib/platform/events/topics';

// The bulk load (lib/identity/store/bulk-load.ts) against the real database: an empty store filled at once must hold
// exactly what the engine's rebuild computes (grouping, ids, links, review flags, golden fields), leave the tables as
// the incremental path expects them (it carries on from there), and leave nothing behind when it fails.

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
const TOPIC = TOPICS.customer360Profiles;
afterAll(async () => {
  await pool.query(`DELETE FROM "OutboxEvent" WHERE topic = $1`, [TOPIC]);
  await pool.end();
});

const row = (r: LinkRecord): SourceRow => ({
  key: r.key, source: r.key.slice(0, 2), sourceId: r.key.slice(3), createdAt: new Date(r.createdAt), updatedAt: new Date(r.createdAt), raw: { key: r.key, note: 'tab\there "quoted" \\ back' }, l1: r.l1, gender: null,
});
const tight = { ...defaultRuleset, limits: { maxBlockSize: 4, maxGroupSize: 2 } };

async function reset() {
  await pool.query(`TRUNCATE "IdentityRecord", "IdentityBlock", "IdentityBlockSize", "IdentityLink", "IdentityProfile", "IdentityProfileId", "IdentityEvent", "IdentityManual", "IdentityManualRecord"`);
  await pool.query(`DELETE FROM "OutboxEvent" WHERE topic = $1`, [TOPIC]);
}
const indexes = async () => (await pool.query<{ d: string }>(
  `SELECT indexdef AS d FROM pg_indexes WHERE schemaname = current_schema() AND tablename LIKE 'Identity%' ORDER BY 1`)).rows.map((r) => r.d);

describe('the bulk load', () => {
  beforeEach(reset);

  it.each([['default', defaultRuleset], ['tight', tight]] as const)('holds exactly what a rebuild from L1 computes, %s limits, and the incremental path carries on from it', async (_, ruleset) => {
    const before = await indexes();
    const all = syntheticRecords(41, 150);
    const rebuilt = LinkingEngine.rebuild(all, { ruleset });
    expect(rebuilt.grouping().some((g) => g.length > 1)).toBe(true);

    const progress: string[] = [];
    const r = await bulkLoad(pool, all.map(row), { ruleset, profilesTopic: TOPIC, onProgress: (p) => progress.push(p.phase) });
    expect(r.records).toBe(all.length);
    expect(r.oversizedBlocks > 0).toBe(ruleset === tight);
    if (ruleset === tight) expect([...rebuilt.allProfiles()].some((p) => p.review)).toBe(true);
    expect(progress).toEqual(expect.arrayContaining(['records', 'links', 'profiles', 'indexes']));
    expect(await indexes()).toEqual(before); // dropped for the load and built again, the same
    // copied frozen: rows need no hint-bit writes on first read, and pages are marked all-visible at once (those a
    // COPY batch filled from empty: most of them; a plain COPY marks none until a vacuum)
    const vis = (await pool.query<{ relname: string; pages: number; visible: number }>(
      `SELECT relname, relpages AS pages, relallvisible AS visible FROM pg_class WHERE relname IN ('IdentityRecord', 'IdentityBlock', 'IdentityLink', 'IdentityProfile') AND relnamespace = current_schema()::regnamespace`)).rows;
    expect(vis.length).toBe(4);
    for (const v of vis) expect({ table: v.relname, mostlyVisible: v.visible * 2 > v.pages }).toEqual({ table: v.relname, mostlyVisible: true });

    // profiles: the same records, ids, review flags, spanning links and refusals as the rebuild's
    const stored = (await pool.query<{ id: string; records: string[]; review: boolean; links: unknown[]; refusals: unknown[]; golden: Record<string, unknown>; contactPoints: Record<string, unknown> }>(
      `SELECT id, records, review, links, refusals, golden, "contactPoints" FROM "IdentityProfile" ORDER BY id`)).rows;
    const expected = [...rebuilt.allProfiles()].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(stored.map((p) => [p.id, p.records, p.review])).toEqual(expected.map((p) => [p.id, p.records, p.review]));
    expect(stored.map((p) => [p.links, p.refusals])).toEqual(expected.map((p) => [p.links, p.refusals]));
    // golden fields: unify of the profile's records
    const byKey = new Map(all.map((x) => [x.key, row(x)]));
    for (const p of stored.slice(0, 40)) {
      const { phones, emails, records: _r, ...fields } = unify(p.records.map((k) => byKey.get(k)!));
      expect(JSON.parse(JSON.stringify(fields))).toEqual(p.golden);
      expect(JSON.parse(JSON.stringify({ phones, emails }))).toEqual(p.contactPoints);
    }
    // every rule link, its rule and score; each record's profile; the block sizes the records make; ids issued; events; L2
    const links = (await pool.query(`SELECT a, b, rule, score FROM "IdentityLink" ORDER BY a, b`)).rows;
    expect(links).toEqual([...rebuilt.allLinks()].sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1)).map((l) => ({ ...l })));
    const wrong = await pool.query(`SELECT r.key FROM "IdentityRecord" r LEFT JOIN "IdentityProfile" p ON p.id = r."profileId" WHERE p.id IS NULL OR NOT r.key = ANY(p.records)`);
    expect(wrong.rows).toEqual([]);
    const raw = (await pool.query(`SELECT raw FROM "IdentityRecord" WHERE key = $1`, [all[0]!.key])).rows[0]!.raw;
    expect(raw).toEqual(row(all[0]!).raw); // tabs, quotes and backslashes survive COPY
    const sizes = await pool.query(`SELECT s."blockKey" FROM "IdentityBlockSize" s FULL JOIN (SELECT "blockKey", count(*)::int AS n FROM "IdentityBlock" GROUP BY 1) b USING ("blockKey") WHERE s.size IS DISTINCT FROM b.n`);
    expect(sizes.rows).toEqual([]);
    const blocks = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "IdentityBlock"`)).rows[0]!.n;
    expect(blocks).toBe(all.reduce((s, x) => s + new Set(x.l1.keys).size, 0));
    const counts = (await pool.query(`SELECT (SELECT count(*)::int FROM "IdentityProfileId") AS ids, (SELECT count(*)::int FROM "IdentityEvent" WHERE type = 'created') AS events,
      (SELECT count(*)::int FROM "OutboxEvent" WHERE topic = $1 AND type = 'customer360.profile') AS l2`, [TOPIC])).rows[0];
    expect(counts).toEqual({ ids: expected.length, events: expected.length, l2: expected.length });

    // the incremental path on top: edits, deletes, new records; the result is still the rebuild's grouping
    const changes = syntheticChanges(43, syntheticRecords(43, 60).map((x) => ({ ...x, key: `${x.key}-n` })));
    const edits = all.slice(0, 20).map((x, i): StoreChange => (i % 2 ? { type: 'delete' as const, key: x.key } : { type: 'upsert' as const, row: row({ ...x, l1: all[i + 30]!.l1 }) }));
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      const r2 = rng(5);
      const stream: StoreChange[] = [...edits, ...changes.flatMap((x): StoreChange[] => (x.type === 'upsert' ? [{ type: 'upsert' as const, row: row(x.record) }] : x.type === 'delete' ? [{ type: 'delete' as const, key: x.key }] : []))];
      for (let i = 0; i < stream.length;) {
        const n = 1 + Math.floor(r2() * 30);
        await applyChanges(c, stream.slice(i, i + n), { profilesTopic: TOPIC, ruleset });
        i += n;
      }
      await c.query('COMMIT');
      const final = new Map(all.map((x) => [x.key, x]));
      for (const s of stream) {
        if (s.type === 'delete') final.delete(s.key);
        else if (s.type === 'upsert') final.set(s.row.key, { key: s.row.key, createdAt: s.row.createdAt.toISOString(), l1: s.row.l1 });
      }
      const grouping = (await pool.query<{ records: string[] }>(`SELECT records FROM "IdentityProfile"`)).rows.map((p) => p.records).sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
      expect(grouping).toEqual(LinkingEngine.rebuild(final.values(), { ruleset }).grouping());
    } finally {
      c.release();
    }
  });

  it('after it, rows sent again unchanged (a connector snapshot) change nothing; a changed one is applied', async () => {
    const all = syntheticRecords(53, 40);
    await bulkLoad(pool, all.map(row));
    const before = (await pool.query(`SELECT id, version FROM "IdentityProfile" ORDER BY id`)).rows;
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      // the same rows as the cursor read them, through JSON as Debezium's would come (key order and all)
      const again = all.map((x): StoreChange => ({ type: 'upsert', row: JSON.parse(JSON.stringify(row(x)), (k, v) => (k === 'createdAt' || k === 'updatedAt' ? new Date(v as string) : v)) as SourceRow }));
      const r = await applyChanges(c, again, { profilesTopic: TOPIC });
      expect(r).toMatchObject({ events: [], written: [], neighbourhood: 0 });
      const edited = { ...row(all[0]!), updatedAt: new Date(Date.parse(all[0]!.createdAt) + 1000) };
      const r2 = await applyChanges(c, [...again.slice(1, 5), { type: 'upsert', row: edited }], { profilesTopic: TOPIC });
      expect(r2.written.length).toBe(1);
      expect(r2.neighbourhood).toBeGreaterThan(0);
      await c.query('COMMIT');
    } finally {
      c.release();
    }
    const after = (await pool.query<{ id: string; version: number }>(`SELECT id, version FROM "IdentityProfile" ORDER BY id`)).rows;
    expect(after.filter((p) => p.version > 1).length).toBe(1);
    expect(after.map((p) => p.id)).toEqual(before.map((p) => p.id));
  });

  it('refuses a store that holds anything, and a failed load leaves the store empty with its indexes', async () => {
    const before = await indexes();
    const all = syntheticRecords(47, 30);
    // the same key twice: found in the middle of the load, after the indexes were dropped and rows were copied
    const rows = [...all.map(row), row(all[3]!)];
    await expect(bulkLoad(pool, rows)).rejects.toThrow(/given twice/);
    expect(await indexes()).toEqual(before);
    expect((await pool.query(`SELECT (SELECT count(*)::int FROM "IdentityRecord") + (SELECT count(*)::int FROM "IdentityBlock") AS n`)).rows[0]!.n).toBe(0);

    await bulkLoad(pool, all.slice(0, 10).map(row));
    await expect(bulkLoad(pool, all.slice(10).map(row))).rejects.toBeInstanceOf(StoreNotEmpty);
    expect((await pool.query(`SELECT count(*)::int AS n FROM "IdentityRecord"`)).rows[0]!.n).toBe(10);
  });
});
