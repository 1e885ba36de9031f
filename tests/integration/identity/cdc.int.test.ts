// Customer 360's change data capture against a real Kafka Connect worker (CONNECT_URL, started by `npm test`), the
// test database and the broker: Debezium's PostgreSQL connector snapshots the rows already in the source tables
// (op "r"), then streams inserts, updates and deletes (c / u / d, a delete followed by a tombstone) of all four of
// them onto their topics with Korean text intact; while the connector is paused the sources keep taking writes and the
// slot holds them until it resumes; connectorStatus reports both sides. The connector and its slot are removed at the end.
import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorConfig, connectorNameFor, connectorStatus, deleteConnector, ensureConnector, slotNameFor, parseDatabaseUrl } from '@/lib/identity/cdc/connector';
import { TOPIC_PREFIX, TOPICS } from '@/lib/platform/events/topics';
import { createKafka } from '@/lib/platform/kafka/client';
import { spawnWorker, waitFor } from '../helpers';

const CONNECT_URL = process.env.CONNECT_URL?.replace(/\/+$/, '');
const DATABASE_URL = process.env.DATABASE_URL!;
const name = connectorNameFor(DATABASE_URL);
const run = randomUUID().slice(0, 8); // this file's rows: other files share the database and its DI mirror triggers

/** One change event as the worker's JsonConverter (schemas.enable=false) writes it, with its topic and key. */
interface Change {
  topic: string;
  key: Record<string, string> | null;
  /** null = tombstone */
  value: { op: 'r' | 'c' | 'u' | 'd'; before: Record<string, unknown> | null; after: Record<string, unknown> | null; source: Record<string, unknown>; ts_ms: number } | null;
}

const got: Change[] = [];
let consumer: Consumer;
let sql: pg.Client;

const keyOf = (c: Change) => (c.key ? Object.values(c.key)[0] : undefined);
const eventsFor = (topic: string, id: string) => got.filter((c) => c.topic === topic && keyOf(c) === id);
const ops = (topic: string, id: string) => eventsFor(topic, id).map((c) => c.value?.op ?? 'tombstone');
const waitForOps = (topic: string, id: string, expected: string[], timeoutMs = 60_000) =>
  waitFor(async () => ops(topic, id).join(',') === expected.join(','), timeoutMs, `${expected.join(',')} for ${id} on ${topic} (got ${ops(topic, id).join(',') || 'nothing'})`);

async function rest(method: string, path: string): Promise<number> {
  const res = await fetch(`${CONNECT_URL}${path}`, { method });
  await res.text();
  return res.status;
}

beforeAll(async () => {
  if (!CONNECT_URL) throw new Error('The CDC test needs CONNECT_URL (a Kafka Connect worker with Debezium): run it with `npm test`, which starts one.');
  sql = new pg.Client({ connectionString: DATABASE_URL });
  await sql.connect();
  // an earlier, interrupted run of this file against the same database may have left its connector and slot
  await deleteConnector(CONNECT_URL, name);
  await dropSlot();

  const kafka = createKafka('it-cdc');
  consumer = kafka.consumer({ groupId: `${TOPIC_PREFIX}it-cdc-${run}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [TOPICS.cdcDiCustomer, TOPICS.cdcDiConsultationContact, TOPICS.cdcOmUsers, TOPICS.cdcCxContact], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      // the topics are the suite's: another file's malformed test message must not stop this reader
      const json = (b: Buffer | null) => { try { return b ? JSON.parse(b.toString()) : null; } catch { return undefined; } };
      const [key, value] = [json(message.key), json(message.value)];
      if (key !== undefined && value !== undefined) got.push({ topic, key, value });
    },
  });
});

afterAll(async () => {
  await consumer?.disconnect();
  if (CONNECT_URL) await deleteConnector(CONNECT_URL, name);
  await dropSlot();
  await sql?.end();
});

/**
 * The slot outlives the connector (slot.drop.on.stop=false): drop it once its walsender is gone. A deleted connector's
 * task closes its connection within a few seconds; only a walsender still there after 15 s (a crashed worker's) is
 * terminated (earlier, the stopping task logs a broken pipe).
 */
async function dropSlot(): Promise<void> {
  const slot = slotNameFor(parseDatabaseUrl(DATABASE_URL).dbname);
  const since = Date.now();
  await waitFor(async () => {
    const r = await sql.query<{ active_pid: number | null }>('SELECT active_pid FROM pg_replication_slots WHERE slot_name = $1', [slot]);
    if (!r.rows.length) return true;
    if (r.rows[0]!.active_pid) {
      if (Date.now() - since > 15_000) await sql.query('SELECT pg_terminate_backend($1)', [r.rows[0]!.active_pid]);
      return false;
    }
    await sql.query('SELECT pg_drop_replication_slot($1)', [slot]).catch(() => {}); // raced a reconnect: next round
    return false;
  }, 30_000, `replication slot ${slot} dropped`);
}

describe('CDC of the source systems through Kafka Connect + Debezium', () => {
  const id = (s: string) => `${s}-${run}`;
  let contactId = '';

  it('snapshots the rows that were there before the connector, then streams inserts, updates and deletes', async () => {
    // before registration: these must come as a snapshot (op "r")
    const before = (await sql.query<{ contact_id: string }>(
      `INSERT INTO cx.contact (full_name, phones, email, address, rrn_front) VALUES ($1, $2, $3, $4, $5) RETURNING contact_id`,
      ['김스냅', ['010-1111-2222'], `snap-${run}@example.kr`, '서울특별시 중구 세종대로 110', '900101'])).rows[0]!.contact_id;
    await sql.query(`INSERT INTO di.customer (customer_id, customer_name, mobile, region) VALUES ($1, '이미리', '01022223333', '부산')`, [id('dic0')]);

    const config = connectorConfig({ databaseUrl: DATABASE_URL, topicPrefix: TOPIC_PREFIX, name });
    expect(['created', 'updated']).toContain(await ensureConnector(CONNECT_URL!, config));
    expect(await ensureConnector(CONNECT_URL!, config)).toBe('unchanged'); // idempotent: no second write
    await waitForOps(TOPICS.cdcCxContact, before, ['r'], 90_000);
    await waitForOps(TOPICS.cdcDiCustomer, id('dic0'), ['r']);
    const snap = eventsFor(TOPICS.cdcCxContact, before)[0]!.value!;
    expect(snap.after).toMatchObject({ full_name: '김스냅', phones: ['010-1111-2222'], address: '서울특별시 중구 세종대로 110' });
    expect(snap.source).toMatchObject({ schema: 'cx', table: 'contact', snapshot: expect.stringMatching(/true|last|first/) });

    // streaming: insert, update, delete of cx.contact
    contactId = (await sql.query<{ contact_id: string }>(
      `INSERT INTO cx.contact (full_name, phones, email, address) VALUES ($1, $2, $3, $4) RETURNING contact_id`,
      ['박하늘', ['010-3333-4444', '02-555-6666'], `sky-${run}@example.kr`, '제주특별자치도 제주시 첨단로 242'])).rows[0]!.contact_id;
    await sql.query(`UPDATE cx.contact SET full_name = '박하늘빛', phones = array_append(phones, '010-7777-8888'), updated_at = now() WHERE contact_id = $1`, [contactId]);
    await sql.query('DELETE FROM cx.contact WHERE contact_id = $1', [contactId]);
    // and one row of each other source table
    await sql.query(`INSERT INTO di.customer (customer_id, customer_name, mobile, email, company, region) VALUES ($1, '최고객', '010-9999-0000', $2, '한빛상사', '서울')`, [id('dic1'), `choi-${run}@example.kr`]);
    await sql.query(`INSERT INTO di.consultation_contact (contact_id, customer_name, mobile, region) VALUES ($1, '정상담', '01012345678', '대구')`, [id('dcc1')]);
    await sql.query(`INSERT INTO om.users (user_id, user_name, phone_no, email_addr, birth_ymd, gender, addr) VALUES ($1, '강회원', '01098765432', $2, '19910203', 'F', '경기도 성남시 분당구 판교역로 166')`, [id('omu1'), `kang-${run}@example.kr`]);

    await waitForOps(TOPICS.cdcCxContact, contactId, ['c', 'u', 'd', 'tombstone']);
    const [c, u, d] = eventsFor(TOPICS.cdcCxContact, contactId).map((e) => e.value!);
    expect(c!.before).toBeNull();
    expect(c!.after).toMatchObject({ contact_id: contactId, full_name: '박하늘', phones: ['010-3333-4444', '02-555-6666'], address: '제주특별자치도 제주시 첨단로 242' });
    expect(c!.after!.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/); // timestamptz: ISO-8601, UTC
    expect(u!.after).toMatchObject({ full_name: '박하늘빛', phones: ['010-3333-4444', '02-555-6666', '010-7777-8888'] });
    expect(d!.after).toBeNull();
    expect(d!.before).toMatchObject({ contact_id: contactId }); // default replica identity: the key only
    expect(eventsFor(TOPICS.cdcCxContact, contactId).map((e) => e.key)).toEqual(Array(4).fill({ contact_id: contactId }));

    await waitForOps(TOPICS.cdcDiCustomer, id('dic1'), ['c']);
    await waitForOps(TOPICS.cdcDiConsultationContact, id('dcc1'), ['c']);
    await waitForOps(TOPICS.cdcOmUsers, id('omu1'), ['c']);
    expect(eventsFor(TOPICS.cdcDiCustomer, id('dic1'))[0]!.value!.after).toMatchObject({ customer_name: '최고객', company: '한빛상사', region: '서울' });
    expect(eventsFor(TOPICS.cdcDiConsultationContact, id('dcc1'))[0]!.value!.after).toMatchObject({ customer_name: '정상담', region: '대구' });
    expect(eventsFor(TOPICS.cdcOmUsers, id('omu1'))[0]!.value!.after).toMatchObject({ user_name: '강회원', addr: '경기도 성남시 분당구 판교역로 166' });
    expect(eventsFor(TOPICS.cdcOmUsers, id('omu1'))[0]!.key).toEqual({ user_id: id('omu1') });

    // for the report: one real value each
    if (process.env.CDC_PRINT) for (const e of eventsFor(TOPICS.cdcCxContact, contactId)) console.log(JSON.stringify(e));
  });

  it('loses nothing while paused: the sources keep taking writes, the slot holds them until the connector resumes', async () => {
    expect(await rest('PUT', `/connectors/${name}/pause`)).toBe(202);
    await waitFor(async () => {
      const s = await connectorStatus(CONNECT_URL!, name, DATABASE_URL);
      return s.state === 'PAUSED' && s.tasks.every((t) => t.state === 'PAUSED') && s.tasks.length > 0;
    }, 30_000, 'connector and task PAUSED');
    const seen = got.length;

    const paused = (await sql.query<{ contact_id: string }>(
      `INSERT INTO cx.contact (full_name, phones) VALUES ('한정지', ARRAY['010-2468-1357']) RETURNING contact_id`)).rows[0]!.contact_id;
    await sql.query(`UPDATE om.users SET addr = '강원특별자치도 춘천시 중앙로 1', updated_at = now() WHERE user_id = $1`, [id('omu1')]);
    await sql.query(`INSERT INTO di.customer (customer_id, customer_name) VALUES ($1, '윤멈춤')`, [id('dic2')]);
    await new Promise((r) => setTimeout(r, 3000));
    expect(got.slice(seen).filter((c) => [paused, id('omu1'), id('dic2')].includes(keyOf(c) as string))).toEqual([]);
    const held = await connectorStatus(CONNECT_URL!, name, DATABASE_URL);
    expect(held.slot).not.toBeNull();
    expect(held.slot!.lagBytes).toBeGreaterThan(0); // the slot keeps the WAL of the changes not yet confirmed

    expect(await rest('PUT', `/connectors/${name}/resume`)).toBe(202);
    await waitForOps(TOPICS.cdcCxContact, paused, ['c']);
    await waitForOps(TOPICS.cdcOmUsers, id('omu1'), ['c', 'u']);
    await waitForOps(TOPICS.cdcDiCustomer, id('dic2'), ['c']);
    expect(eventsFor(TOPICS.cdcCxContact, paused)[0]!.value!.after).toMatchObject({ full_name: '한정지', phones: ['010-2468-1357'] });
    expect(eventsFor(TOPICS.cdcOmUsers, id('omu1'))[1]!.value!.after).toMatchObject({ addr: '강원특별자치도 춘천시 중앙로 1' });
  });

  it('connectorStatus reports RUNNING from Connect and the slot with its lag from PostgreSQL', async () => {
    const s = (await waitFor(async () => {
      const st = await connectorStatus(CONNECT_URL!, name, DATABASE_URL);
      return st.state === 'RUNNING' && st.tasks[0]?.state === 'RUNNING' && st.slot?.active ? st : undefined;
    }, 30_000, 'connector RUNNING with an active slot'))!;
    expect(s.tasks).toHaveLength(1);
    expect(s.slot).toMatchObject({ name: slotNameFor(parseDatabaseUrl(DATABASE_URL).dbname), active: true });
    expect(typeof s.slot!.lagBytes).toBe('number');
    expect(s.slot!.lagBytes).toBeGreaterThanOrEqual(0);

    const none = await connectorStatus(CONNECT_URL!, `${name}-absent`, DATABASE_URL);
    expect(none.state).toBe('NOT_REGISTERED');
    const down = await connectorStatus('http://127.0.0.1:9', name, DATABASE_URL);
    expect(down.state).toBe('UNREACHABLE');
    expect(down.error).toMatch(/Connect unreachable/);
    expect(down.slot).not.toBeNull(); // PostgreSQL still answers for the slot
  });

  it('an insert, an update and a delete in the sources each reach the unified profile (through the identity linker)', async () => {
    const linker = spawnWorker('identity-linker');
    try {
      await linker.ready;
      const profileOf = async (key: string) => (await sql.query<{ profileId: string | null }>(`SELECT "profileId" FROM "IdentityRecord" WHERE key = $1`, [key])).rows[0]?.profileId ?? null;
      const golden = async (profileId: string) => (await sql.query<{ records: string[]; name: string | null }>(
        `SELECT records, golden->'name'->>'value' AS name FROM "IdentityProfile" WHERE id = $1`, [profileId])).rows[0];
      // one person in the shop and at the support desk, the phone written two ways
      const shopUser = id('omu-p');
      await sql.query(`INSERT INTO om.users (user_id, user_name, phone_no, email_addr, birth_ymd, gender, addr) VALUES ($1, '송하윤', '010-5555-7171', $2, '19920304', 'F', '서울시 마포구 월드컵로 1')`, [shopUser, `hayun-${run}@example.kr`]);
      const cx = (await sql.query<{ contact_id: string }>(`INSERT INTO cx.contact (full_name, phones, email) VALUES ('송 하윤', ARRAY['+82 10 5555 7171'], NULL) RETURNING contact_id`)).rows[0]!.contact_id;
      const [omKey, cxKey] = [`OM:${shopUser}`, `CX:${cx}`];
      const profile = (await waitFor(async () => {
        const [a, b] = [await profileOf(omKey), await profileOf(cxKey)];
        return a && a === b ? a : null;
      }, 60_000, 'the insert to link both records in one profile'))!;
      expect((await golden(profile))!.records.sort()).toEqual([cxKey, omKey].sort());

      // an update: the support desk corrects the name; its records win the golden name (source priority CX first)
      await sql.query(`UPDATE cx.contact SET full_name = '송하윤비', updated_at = now() WHERE contact_id = $1`, [cx]);
      await waitFor(async () => (await golden(profile))?.name === '송하윤비', 60_000, 'the update to reach the golden name');

      // a delete: the shop user goes; the support contact stays, alone in its profile
      await sql.query(`DELETE FROM om.users WHERE user_id = $1`, [shopUser]);
      await waitFor(async () => (await profileOf(omKey)) === null && (await sql.query(`SELECT 1 FROM "IdentityRecord" WHERE key = $1`, [omKey])).rowCount === 0, 60_000, 'the delete to remove the record');
      const after = await profileOf(cxKey);
      expect((await golden(after!))!.records).toEqual([cxKey]);
    } finally {
      await linker.stop();
    }
  });
});
