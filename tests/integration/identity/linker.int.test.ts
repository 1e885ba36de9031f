// Issue 10: the identity linker worker against the real broker and database, fed Debezium-shaped change events of
// the simulator's people on the CDC topics (the Connect path itself is cdc.int.test.ts's). It is SIGKILLed
// mid-stream and restarted: every record is there once and the profiles are what a rebuild from L1 gives. A
// malformed event goes to the dead-letter topic and the worker carries on. Erase leaves nothing behind.
import type { KafkaMessage, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { LinkingEngine } from '@/lib/identity/linking/engine';
import { simulateRecords } from '@/lib/identity/simulate/people';
import { toSourceTableRow, type SimulatedSourceRow } from '@/lib/identity/simulate/to-source';
import { SOURCE_TABLES, toSourceRow } from '@/lib/identity/store/source-records';
import { eraseProfile } from '@/lib/identity/desk/actions';
import { TOPIC_PREFIX, TOPICS } from '@/lib/platform/events/topics';
import { createKafka } from '@/lib/platform/kafka/client';
import { spawnWorker, waitFor, type WorkerProcess } from '../helpers';

const kafka = createKafka('it-identity');
let producer: Producer;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const running: WorkerProcess[] = [];
const TODAY = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
const topicOf: Record<string, string> = { 'di.customer': TOPICS.cdcDiCustomer, 'di.consultation_contact': TOPICS.cdcDiConsultationContact, 'om.users': TOPICS.cdcOmUsers, 'cx.contact': TOPICS.cdcCxContact };

const event = (s: SimulatedSourceRow, op: 'c' | 'u' | 'd') => {
  const [schema, table] = s.table.table.split('.');
  const source = { schema, table, ts_ms: Date.now(), db: 'it', connector: 'postgresql' };
  return { key: JSON.stringify({ [s.table.idColumn]: s.row[s.table.idColumn] }), value: JSON.stringify(op === 'd' ? { before: { [s.table.idColumn]: s.row[s.table.idColumn] }, after: null, op, source } : { before: null, after: s.row, op, source }) };
};

async function send(rows: { s: SimulatedSourceRow; op: 'c' | 'u' | 'd' }[]) {
  const byTopic = new Map<string, { key: string; value: string }[]>();
  for (const { s, op } of rows) {
    const t = topicOf[s.table.table]!;
    byTopic.set(t, [...(byTopic.get(t) ?? []), event(s, op)]);
  }
  await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
}

async function caughtUp(): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const topic of Object.values(topicOf)) {
      const ends = await admin.fetchTopicOffsets(topic);
      const { rows } = await pool.query<{ partition: number; offset: string }>(`SELECT partition, "offset"::text FROM "IdentityCursor" WHERE topic = $1`, [topic]);
      for (const e of ends) {
        if (e.high === '0') continue;
        if (BigInt(rows.find((r) => r.partition === e.partition)?.offset ?? -1) !== BigInt(e.high) - 1n) return false;
      }
    }
    return true;
  } finally { await admin.disconnect(); }
}

beforeAll(async () => {
  producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
});
afterAll(async () => {
  await Promise.all(running.splice(0).map((w) => w.stop('SIGKILL')));
  await producer.disconnect();
  await pool.end();
});

describe('identity linker worker', () => {
  it('SIGKILLed mid-stream and restarted, it loses and doubles nothing; a malformed event goes to the dead-letter topic', async () => {
    const sim = [...simulateRecords({ seed: 5, people: 1_500 })].map((r) => ({ r, s: toSourceTableRow(r) }));
    // every record inserted; a tenth of them updated (a typo fixed: the name as the person's own), a twentieth deleted
    const stream: { s: SimulatedSourceRow; op: 'c' | 'u' | 'd' }[] = sim.map(({ s }) => ({ s, op: 'c' }));
    const updated = sim.filter((_, i) => i % 10 === 3).map(({ s }) => ({ s: { ...s, row: { ...s.row, email: null, email_addr: null } as Record<string, unknown> }, op: 'u' as const }));
    const deleted = sim.filter((_, i) => i % 20 === 7).map(({ s }) => ({ s, op: 'd' as const }));
    await send(stream.slice(0, 1_200));
    await producer.send({ topic: TOPICS.cdcCxContact, acks: -1, messages: [{ key: JSON.stringify({ contact_id: 'bad' }), value: '{"op":"c","after":{"contact_id":"x"}}' }] });

    const w1 = spawnWorker('identity-linker');
    running.push(w1);
    await w1.ready;
    await waitFor(async () => Number((await pool.query(`SELECT count(*)::int AS n FROM "IdentityRecord"`)).rows[0]!.n) > 300, 60_000, 'the linker to be mid-stream');
    await send([...stream.slice(1_200), ...updated]);
    await w1.stop('SIGKILL');
    running.splice(running.indexOf(w1), 1);
    await send(deleted);

    const w2 = spawnWorker('identity-linker');
    running.push(w2);
    await w2.ready;
    await waitFor(caughtUp, 120_000, 'the linker to reach the end of every CDC partition');

    // the final state of each record, cleansed as the worker does, rebuilt in memory
    const final = new Map<string, ReturnType<typeof toSourceRow>>();
    for (const { s, op } of [...stream, ...updated, ...deleted]) {
      const key = `${s.table.keyPrefix}${String(s.row[s.table.idColumn])}`;
      if (op === 'd') final.delete(key);
      else final.set(key, toSourceRow(s.table, s.row, { today: TODAY, createdAt: s.createdAt, updatedAt: s.updatedAt }));
    }
    const rebuilt = LinkingEngine.rebuild([...final.values()].map((r) => ({ key: r.key, createdAt: r.createdAt.toISOString(), l1: r.l1 }))).grouping();
    // the CDC topics are shared with the other files of the suite (Debezium's own events of their rows): this
    // stream's records are those its keys name
    const ours = [...new Set([...stream, ...updated, ...deleted].map(({ s }) => `${s.table.keyPrefix}${String(s.row[s.table.idColumn])}`))];
    const { rows: records } = await pool.query<{ key: string }>(`SELECT key FROM "IdentityRecord" WHERE key = ANY($1) ORDER BY key`, [ours]);
    expect(records.map((r) => r.key)).toEqual([...final.keys()].sort());
    const { rows: profiles } = await pool.query<{ records: string[] }>(`SELECT records FROM "IdentityProfile" WHERE records && $1`, [ours]);
    expect(profiles.map((p) => p.records).sort((x, y) => (x[0]! < y[0]! ? -1 : 1))).toEqual(rebuilt);
    expect(rebuilt.some((g) => g.length > 2)).toBe(true);
    // doubled nothing: no record is in two profiles, and every profile's L2 messages have versions 1..n once each
    expect(profiles.flatMap((p) => p.records).length).toBe(final.size);
    const { rows: versions } = await pool.query<{ key: string; n: number; distinct: number }>(
      `SELECT key, count(*)::int AS n, count(DISTINCT (envelope->>'version'))::int AS distinct FROM "OutboxEvent" WHERE topic = $1 AND type <> 'tombstone' AND envelope->'records' ?| $2
       GROUP BY key HAVING count(*) <> count(DISTINCT (envelope->>'version'))`, [TOPICS.customer360Profiles, ours]);
    expect(versions).toEqual([]);

    // the malformed event: on the dead-letter topic with its reason
    const dead: KafkaMessage[] = [];
    const reader = kafka.consumer({ groupId: `${TOPIC_PREFIX}it-identity-dlq-${Date.now()}` });
    await reader.connect();
    await reader.subscribe({ topic: TOPICS.deadLetter, fromBeginning: true });
    await reader.run({ eachMessage: async ({ message }) => { if (message.headers?.['dlq-source-topic']?.toString() === TOPICS.cdcCxContact) dead.push(message); } });
    await waitFor(async () => dead.length > 0, 30_000, 'the dead letter');
    await reader.disconnect();
    expect(dead[0]!.headers!['dlq-reason']!.toString()).toMatch(/not a Debezium change event/);
  });

  it('erase: the person\'s records leave every identity table and the sources, with a tombstone and an audit entry', async () => {
    const { rows: [p] } = await pool.query<{ id: string; records: string[] }>(`SELECT id, records FROM "IdentityProfile" WHERE cardinality(records) >= 2 ORDER BY id LIMIT 1`);
    const out = await eraseProfile({ profileId: p!.id, why: 'the customer asked (it)', confirm: 'ERASE' }, 'it@switchboard.kr');
    expect([...out.recordKeys].sort()).toEqual([...p!.records].sort());
    const left = async (q: string, v: unknown[]) => Number((await pool.query(q, v)).rows[0]!.n);
    expect(await left(`SELECT count(*) AS n FROM "IdentityRecord" WHERE key = ANY($1)`, [p!.records])).toBe(0);
    expect(await left(`SELECT count(*) AS n FROM "IdentityBlock" WHERE "recordKey" = ANY($1)`, [p!.records])).toBe(0);
    expect(await left(`SELECT count(*) AS n FROM "IdentityLink" WHERE a = ANY($1) OR b = ANY($1)`, [p!.records])).toBe(0);
    expect(await left(`SELECT count(*) AS n FROM "IdentityProfile" WHERE id = ANY($1) OR records && $2`, [out.profileIds, p!.records])).toBe(0);
    expect(await left(`SELECT count(*) AS n FROM "IdentityEvent" WHERE "profileId" = ANY($1)`, [out.profileIds])).toBe(0);
    expect(await left(`SELECT count(*) AS n FROM "OutboxEvent" WHERE key = ANY($1) AND type <> 'tombstone'`, [out.profileIds])).toBe(0);
    expect(await left(`SELECT count(*) AS n FROM "OutboxEvent" WHERE key = $1 AND type = 'tombstone'`, [p!.id])).toBe(1);
    const cx = p!.records.filter((k) => k.startsWith('CX:')).map((k) => k.slice(3));
    const om = p!.records.filter((k) => k.startsWith('OM:')).map((k) => k.slice(3));
    expect(await left(`SELECT count(*) AS n FROM cx.contact WHERE contact_id = ANY($1)`, [cx])).toBe(0);
    expect(await left(`SELECT count(*) AS n FROM om.users WHERE user_id = ANY($1)`, [om])).toBe(0);
    const audit = (await pool.query(`SELECT "recordKeys", by, why FROM "IdentityErasure" WHERE id = $1`, [out.erasureId])).rows[0];
    expect({ ...audit, recordKeys: [...audit.recordKeys].sort() }).toEqual({ recordKeys: [...p!.records].sort(), by: 'it@switchboard.kr', why: 'the customer asked (it)' });
  });

  it('an erased record stays out: the shop\'s later change of that user is not mirrored into OM, and a change that would store it again is dropped', async () => {
    const id = `it-erase-${Date.now().toString(36)}`;
    await pool.query(`INSERT INTO "ShopUser" (id, name, gender, age, "birthYear", province, district, street, email, phone, "marketingConsent", "createdAt", "randomSeed")
      VALUES ($1, '지우개', 'F', 41, 1985, '서울', '마포구', '월드컵로 1', 'eraser@example.kr', '010-5555-0101', false, now(), 0.5)`, [id]);
    const { rows: [mirrored] } = await pool.query<Record<string, unknown>>(`SELECT * FROM om.users WHERE user_id = $1`, [id]);
    expect(mirrored).toBeDefined();
    const om = SOURCE_TABLES.find((t) => t.table === 'om.users')!;
    const change: SimulatedSourceRow = { table: om, row: JSON.parse(JSON.stringify(mirrored)), key: `OM:${id}`, createdAt: new Date(), updatedAt: new Date() };
    await send([{ s: change, op: 'c' }]);
    const profileId = await waitFor(async () => (await pool.query<{ profileId: string }>(`SELECT "profileId" FROM "IdentityRecord" WHERE key = $1`, [`OM:${id}`])).rows[0]?.profileId, 60_000, 'the record stored');

    await eraseProfile({ profileId: profileId!, why: 'the customer asked (it)', confirm: 'ERASE' }, 'it@switchboard.kr');
    expect((await pool.query(`SELECT 1 FROM "IdentityErasedRecord" WHERE "recordKey" = $1`, [`OM:${id}`])).rowCount).toBe(1);
    // The shop still has the user (its own retention rules apply) and changes them: the mirror copies nothing back.
    await pool.query(`UPDATE "ShopUser" SET phone = '010-5555-0202' WHERE id = $1`, [id]);
    expect((await pool.query(`SELECT 1 FROM om.users WHERE user_id = $1`, [id])).rowCount).toBe(0);
    // A change that would store it again (an import, a stream replayed): the linker drops it.
    await send([{ s: change, op: 'u' }]);
    await waitFor(caughtUp, 60_000, 'the linker past the change');
    expect((await pool.query(`SELECT 1 FROM "IdentityRecord" WHERE key = $1`, [`OM:${id}`])).rowCount).toBe(0);
    expect((await pool.query(`SELECT 1 FROM "IdentityProfile" WHERE records && $1`, [[`OM:${id}`]])).rowCount).toBe(0);
    await pool.query(`DELETE FROM "ShopUser" WHERE id = $1`, [id]);
  });
});
