// Issue 9: the settlement worker against the real broker and database. A mixed payment stream (duplicates, tests,
// POINT, a disabled merchant, network cancellations, unconfirmed approvals confirmed or expired, partial and full
// cancellations, FINISH markers, a rule change at midnight) is settled; the worker is SIGKILLed mid-stream and
// restarted; every base must equal the pure step applied to each whole partition (the oracle), and the statistics
// must equal the bases. Then the payment topic is replayed from offset 0 into empty tables, and by three replicas:
// identical results. Malformed payments go to the dead-letter topic; a rule saved while running applies from its day.
import { randomUUID } from 'node:crypto';
import type { KafkaMessage, Message, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/platform/db';
import { createEnvelope } from '@/lib/platform/events/envelope';
import { paymentMessage, PayoutRuleSaved, ruleKey, type PaymentMessage, type PayoutRuleRecord } from '@/lib/platform/events/settlement';
import { TOPIC_PREFIX, TOPICS } from '@/lib/platform/events/topics';
import { createKafka } from '@/lib/platform/kafka/client';
import { RuleBook } from '@/lib/settlement/payout/rules';
import { paymentStream } from '@/lib/settlement/simulate/stream';
import { computeStep, type BaseRow, type Item } from '@/lib/settlement/worker/step';
import { spawnWorker, waitFor, type WorkerProcess } from '../helpers';

process.env.UNCONFIRMED_EXPIRY_HOURS = '0.005'; // 18 s of event time: some unconfirmed approvals expire in the stream
const kafka = createKafka('it-settlement');
let producer: Producer;
const running: WorkerProcess[] = [];
const start = async () => {
  const w = spawnWorker('settlement-worker');
  running.push(w);
  await w.ready;
  return w;
};
const stopAll = async () => { await Promise.all(running.splice(0).map((w) => w.stop())); };

const MERCHANTS = ['IT-M-01', 'IT-M-02', 'IT-M-03', 'IT-M-04', 'IT-M-05', 'IT-M-06'];
const TEST_MERCHANT = 'IT-M-T';
const DISABLED = 'IT-M-X';
const T0 = Date.parse('2026-12-04T23:50:00+09:00'); // the stream crosses midnight, where a rule changes
const rules: PayoutRuleRecord[] = [];
for (const m of MERCHANTS.slice(0, 5)) {
  for (const [method, feeRateBp, payoutDays] of [['CARD', 250, 2], ['PAY', 200, 1], ['MONEY', 150, 1]] as const) {
    for (const action of ['PAYMENT', 'CANCEL', 'PARTIAL_CANCEL', 'FULL_CANCEL'] as const) {
      rules.push({ id: randomUUID(), merchantNumber: m, method, action, effectiveFrom: '2020-01-01', feeRateBp, payoutDays });
    }
  }
}
rules.push({ id: randomUUID(), merchantNumber: 'IT-M-01', method: 'CARD', action: 'PAYMENT', effectiveFrom: '2026-12-05', feeRateBp: 120, payoutDays: 1 });

const publishRules = (list: PayoutRuleRecord[]) => producer.send({
  topic: TOPICS.payoutRules, acks: -1,
  messages: list.map((r) => ({ key: ruleKey(r), value: JSON.stringify(createEnvelope(PayoutRuleSaved, r, { correlationId: randomUUID() })) })),
});

async function partitionsOf(topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
  await admin.disconnect();
  return topics[0]!.partitions.length;
}

async function send(items: ReturnType<typeof paymentStream>) {
  const partitions = await partitionsOf(TOPICS.payment);
  for (let i = 0; i < items.length; i += 500) {
    const messages = items.slice(i, i + 500).flatMap((it): Message[] => it.kind === 'payment'
      ? [{ key: it.message.data!.merchantNumber, value: JSON.stringify(it.message), timestamp: String(Date.parse(it.message.data!.paymentDate)) }]
      : Array.from({ length: partitions }, (_, partition) => ({ partition, value: JSON.stringify({ channel: 'ONLINE', action: 'FINISH', data: null }), timestamp: String(it.atMs) })));
    await producer.send({ topic: TOPICS.payment, acks: -1, messages });
  }
}

/** Every message of a topic with its partition, from the start (a fresh group each time). */
async function readAll(topic: string, until: (ms: { partition: number; message: KafkaMessage }[]) => boolean) {
  const got: { partition: number; message: KafkaMessage }[] = [];
  const consumer = kafka.consumer({ groupId: `${TOPIC_PREFIX}it-read-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ partition, message }) => { got.push({ partition, message }); } });
  try { await waitFor(async () => until(got), 60_000, `messages on ${topic}`); } finally { await consumer.disconnect(); }
  return got;
}

async function highWatermarks(): Promise<Map<number, bigint>> {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(TOPICS.payment);
  await admin.disconnect();
  return new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
}
async function caughtUp(): Promise<boolean> {
  const highs = await highWatermarks();
  const cursors = await db.settlementCursor.findMany({ where: { topic: TOPICS.payment } });
  return [...highs].every(([p, high]) => high === 0n || cursors.find((c) => c.partition === p)?.nextOffset === high);
}

/** The oracle: the pure step over each whole partition, from an empty state. */
async function oracle(): Promise<Map<string, BaseRow>> {
  const highs = await highWatermarks();
  const total = [...highs.values()].reduce((a, b) => a + Number(b), 0);
  const all = await readAll(TOPICS.payment, (ms) => ms.length >= total);
  const book = new RuleBook(rules);
  const settings = {
    merchant: (n: string) => (MERCHANTS.includes(n) ? { number: n, settlementEnabled: true, test: false }
      : n === TEST_MERCHANT ? { number: n, settlementEnabled: true, test: true } : n === DISABLED ? { number: n, settlementEnabled: false, test: false } : null),
    rules: book, defaultRule: { id: 'default', feeRateBp: 300, payoutDays: 3 }, expiryMs: 0.005 * 3_600_000,
  };
  const out = new Map<string, BaseRow>();
  for (const p of highs.keys()) {
    const items: Item[] = all.filter((m) => m.partition === p).sort((a, b) => Number(BigInt(a.message.offset) - BigInt(b.message.offset))).map(({ message: m }) => {
      const r = (() => { try { return paymentMessage.safeParse(JSON.parse(m.value!.toString())); } catch { return { success: false as const }; } })();
      return r.success ? { offset: BigInt(m.offset), ts: Number(m.timestamp), message: r.data } : { offset: BigInt(m.offset), ts: Number(m.timestamp), bad: true as const };
    });
    const step = computeStep(p, { nextOffset: 0n, batchSeq: 0, watermark: null }, items, [], new Map(), settings);
    for (const row of step.inserts) out.set(`${row.partition}:${row.offset}`, row);
  }
  return out;
}

type Snapshot = { bases: Map<string, string>; statistics: Map<string, string>; classes: Record<string, number> };
async function snapshot(): Promise<Snapshot> {
  const bases = await db.settlementBase.findMany({ orderBy: [{ partition: 'asc' }, { offset: 'asc' }] });
  const stats = await db.settlementStatistic.findMany();
  const classes: Record<string, number> = {};
  for (const b of bases) classes[b.classification] = (classes[b.classification] ?? 0) + 1;
  return {
    bases: new Map(bases.map((b) => [`${b.partition}:${b.offset}`, JSON.stringify([b.paymentId, b.classification, String(b.amount), String(b.fee), String(b.vat), String(b.payout), b.payoutDay, b.ruleId, b.defaultRule, b.batchSeq])])),
    statistics: new Map(stats.map((s) => [`${s.approvalDay}|${s.merchantNumber}|${s.action}|${s.method}`, JSON.stringify([s.count, String(s.amount), String(s.fee), String(s.vat), String(s.payout)])])),
    classes,
  };
}
/** The statistics rebuilt from the settled bases, as the reconciliation does. */
async function statisticsFromBases(): Promise<Map<string, string>> {
  const rows = await db.$queryRaw<{ k: string; count: bigint; amount: bigint; fee: bigint; vat: bigint; payout: bigint }[]>`
    SELECT "approvalDay" || '|' || "merchantNumber" || '|' || action || '|' || method AS k, count(*) AS count, sum(amount) AS amount, sum(fee) AS fee,
      sum(vat) AS vat, sum(payout) AS payout FROM "SettlementBase" WHERE classification = 'settled' GROUP BY 1`;
  return new Map(rows.map((r) => [r.k, JSON.stringify([Number(r.count), String(r.amount), String(r.fee), String(r.vat), String(r.payout)])]));
}
const nonZero = (m: Map<string, string>) => new Map([...m].filter(([, v]) => v !== JSON.stringify([0, '0', '0', '0', '0'])));
const emptyTables = () => db.$executeRawUnsafe('TRUNCATE "SettlementBase", "SettlementStatistic", "SettlementStatisticPublished", "SettlementPayout", "SettlementCursor", "SettlementBatch", "SettlementDayCount"');

beforeAll(async () => {
  producer = kafka.producer();
  await producer.connect();
  await emptyTables();
  await db.merchant.deleteMany({ where: { number: { startsWith: 'IT-M-' } } });
  await db.merchant.createMany({
    data: [...MERCHANTS.map((number, i) => ({ number, name: `통합시험 가맹점 ${i + 1}` })),
      { number: TEST_MERCHANT, name: '테스트 가맹점', test: true }, { number: DISABLED, name: '정산 제외 가맹점', settlementEnabled: false }],
  });
  await publishRules(rules);
});
afterAll(async () => {
  await stopAll();
  await producer.disconnect();
});

describe('settlement worker', () => {
  let first: Snapshot;
  const stream = paymentStream({ count: 4_000, merchants: MERCHANTS, startMs: T0, stepMs: 300, seed: 9, finishEvery: 400, testMerchant: TEST_MERCHANT, disabledMerchant: DISABLED });

  it('SIGKILLed mid-stream and restarted: every base once, classified as the oracle says, and statistics equal to the bases', async () => {
    // the first part, the worker killed as soon as it has written some of it, the rest sent while it is down
    const cut = Math.floor(stream.length * 0.6);
    await send(stream.slice(0, cut));
    const w = await start();
    await waitFor(async () => (await db.settlementBase.count()) >= 800, 60_000, 'some bases');
    await w.stop('SIGKILL');
    const partial = await db.settlementBase.count();
    await send(stream.slice(cut));
    await start();
    await waitFor(caughtUp, 90_000, 'the worker to reach the end of every partition');

    const expected = await oracle();
    first = await snapshot();
    const payments = stream.filter((s) => s.kind === 'payment').length;
    expect(partial).toBeLessThan(payments);
    expect(first.bases.size).toBe(payments);
    expect(expected.size).toBe(payments);
    for (const [k, row] of expected) {
      expect(JSON.parse(first.bases.get(k)!), k).toEqual([row.paymentId, row.classification, String(row.amount), String(row.fee), String(row.vat), String(row.payout), row.payoutDay, row.ruleId, row.defaultRule, row.batchSeq]);
    }
    // every kind of event occurred, so every check was exercised
    for (const c of ['settled', 'duplicate', 'test', 'non-settlement', 'network-cancelled', 'unconfirmed-expired', 'confirmation']) expect(first.classes[c] ?? 0, c).toBeGreaterThan(0);
    expect(await db.settlementBase.count({ where: { defaultRule: true } })).toBeGreaterThan(0);
    expect(await db.settlementBase.count({ where: { ruleId: rules.at(-1)!.id } })).toBeGreaterThan(0); // the midnight change
    expect(await db.settlementBase.count({ where: { amount: { lt: 0 }, classification: 'settled' } })).toBeGreaterThan(0); // cancellations net
    expect(nonZero(first.statistics)).toEqual(await statisticsFromBases());
    // the payout calendar is the settled bases by payout day x merchant
    const calendar = await db.$queryRaw<{ diff: bigint }[]>`SELECT count(*) AS diff FROM (
      SELECT "payoutDay", "merchantNumber", count(*)::int AS c, sum(payout) AS p FROM "SettlementBase" WHERE classification = 'settled' GROUP BY 1, 2) b
      FULL JOIN (SELECT * FROM "SettlementPayout" WHERE count <> 0 OR payout <> 0) s USING ("payoutDay", "merchantNumber")
      WHERE COALESCE(b.c, 0) <> COALESCE(s.count, 0) OR COALESCE(b.p, 0) <> COALESCE(s.payout, 0)`;
    expect(Number(calendar[0]!.diff)).toBe(0);
    expect(await db.settlementPayout.count()).toBeGreaterThan(5);
    // batches: FINISH markers closed them in every partition, and their counts add up to the bases
    const batches = await db.settlementBatch.aggregate({ _sum: { received: true, settled: true } });
    expect(batches._sum.received).toBe(payments);
    expect(batches._sum.settled).toBe(first.classes.settled);
    expect(await db.settlementBatch.count({ where: { closedAt: { not: null } } })).toBeGreaterThanOrEqual(6 * 9);
  });

  it('publishes every statistics row on payment-statistics; the highest version of each key equals the table', async () => {
    const stats = await db.settlementStatistic.findMany();
    await waitFor(async () => Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "SettlementStatistic" s LEFT JOIN "SettlementStatisticPublished" p
      USING ("approvalDay", "merchantNumber", action, method) WHERE s.version > COALESCE(p.version, 0)`)[0]!.n) === 0, 20_000, 'statistics marked published');
    const got = await readAll(TOPICS.paymentStatistics, (ms) => {
      const keys = new Set(ms.map((m) => m.message.key!.toString()));
      return stats.every((s) => keys.has(`${s.approvalDay}|${s.merchantNumber}|${s.action}|${s.method}`));
    });
    const latest = new Map<string, { version: number; count: number; amount: number }>();
    for (const { message } of got) {
      const v = JSON.parse(message.value!.toString());
      const prev = latest.get(message.key!.toString());
      if (!prev || v.version > prev.version) latest.set(message.key!.toString(), v);
    }
    for (const s of stats) {
      expect(latest.get(`${s.approvalDay}|${s.merchantNumber}|${s.action}|${s.method}`)).toMatchObject({ count: s.count, amount: Number(s.amount), version: s.version });
    }
  });

  it('replaying payment from offset 0 into empty tables gives identical bases and statistics', async () => {
    await stopAll();
    await emptyTables();
    await start();
    await waitFor(caughtUp, 90_000, 'the replay to reach the end');
    const again = await snapshot();
    expect(again.bases).toEqual(first.bases);
    expect(nonZero(again.statistics)).toEqual(nonZero(first.statistics));
  });

  it('three replicas give the same result as one', async () => {
    await stopAll();
    await emptyTables();
    await Promise.all([start(), start(), start()]);
    await waitFor(caughtUp, 90_000, 'three replicas to reach the end');
    const three = await snapshot();
    expect(three.bases).toEqual(first.bases);
    expect(nonZero(three.statistics)).toEqual(nonZero(first.statistics));
    expect(nonZero(three.statistics)).toEqual(await statisticsFromBases());
  });

  it('an event sent again long after (older than the worker\'s memory) is still a duplicate: PostgreSQL\'s event key decides', async () => {
    await stopAll();
    await start(); // a fresh process remembers nothing
    const old = stream.find((s) => s.kind === 'payment' && s.message.data!.status === 'APPROVED' && s.message.data!.paymentActionType === 'PAYMENT'
      && MERCHANTS.includes(s.message.data!.merchantNumber) && s.message.data!.paymentMethodType === 'CARD' && !s.message.data!.test) as { message: PaymentMessage };
    const before = await snapshot();
    await producer.send({ topic: TOPICS.payment, acks: -1, messages: [{ key: old.message.data!.merchantNumber, value: JSON.stringify(old.message) }] });
    await waitFor(async () => (await db.settlementBase.count({ where: { paymentId: old.message.data!.paymentId } })) >= 2, 20_000, 'the late duplicate');
    expect((await db.settlementBase.findMany({ where: { paymentId: old.message.data!.paymentId }, orderBy: { offset: 'asc' } })).map((b) => b.classification)).toEqual(['settled', 'duplicate']);
    expect(nonZero((await snapshot()).statistics)).toEqual(nonZero(before.statistics));
  });

  it('a malformed payment goes to the dead-letter topic with its reason, and the worker carries on', async () => {
    const before = await readAll(TOPICS.deadLetter, () => true);
    const good = paymentStream({ count: 1, merchants: ['IT-M-03'], startMs: T0 + 3_600_000, stepMs: 1, seed: 77 })[0]!;
    const bad: PaymentMessage = JSON.parse(JSON.stringify(good.kind === 'payment' ? good.message : null));
    (bad.data as { amount: unknown }).amount = -5;
    await producer.send({ topic: TOPICS.payment, acks: -1, messages: [
      { key: 'IT-M-03', value: '{"channel":"ONLINE",' }, { key: 'IT-M-03', value: JSON.stringify(bad) }, { key: 'IT-M-03', value: JSON.stringify((good as { message: PaymentMessage }).message) },
    ] });
    const dead = await readAll(TOPICS.deadLetter, (ms) => ms.length >= before.length + 2);
    const reasons = dead.slice(before.length).map((d) => d.message.headers!['dlq-reason']!.toString());
    expect(reasons).toEqual(expect.arrayContaining(['not JSON', expect.stringMatching(/data\.amount/)]));
    const goodId = (good as { message: PaymentMessage }).message.data!.paymentId;
    await waitFor(() => db.settlementBase.findFirst({ where: { paymentId: goodId } }), 20_000, 'the good payment after the bad ones');
  });

  it('a rule published while the worker runs applies from its day; payments before it keep the old rule', async () => {
    const rule: PayoutRuleRecord = { id: randomUUID(), merchantNumber: 'IT-M-02', method: 'PAY', action: 'PAYMENT', effectiveFrom: '2027-01-05', feeRateBp: 90, payoutDays: 0 };
    await publishRules([rule]);
    rules.push(rule);
    const at = (iso: string, id: string) => ({ channel: 'ONLINE', action: 'PAYMENT', data: { paymentId: id, merchantNumber: 'IT-M-02', amount: 100_000, paymentDate: iso, paymentActionType: 'PAYMENT', paymentMethodType: 'PAY', test: false, status: 'APPROVED' } });
    await new Promise((r) => setTimeout(r, 1_000)); // the feed is read continuously; the desk only accepts rules from tomorrow, so this wait stands for that day
    const [before, after] = [`IT-R-${randomUUID()}`, `IT-R-${randomUUID()}`];
    await producer.send({ topic: TOPICS.payment, acks: -1, messages: [
      { key: 'IT-M-02', value: JSON.stringify(at('2027-01-04T23:59:59+09:00', before)) }, { key: 'IT-M-02', value: JSON.stringify(at('2027-01-05T00:00:00+09:00', after)) },
    ] });
    const b = (await waitFor(() => db.settlementBase.findFirst({ where: { paymentId: before } }), 20_000, 'the payment before the change'))!;
    const a = (await waitFor(() => db.settlementBase.findFirst({ where: { paymentId: after } }), 20_000, 'the payment after the change'))!;
    expect([b.fee, b.payoutDay]).toEqual([2_000n, '2027-01-05']); // 2 %, D+1
    expect([a.ruleId, a.fee, a.vat, a.payout, a.payoutDay]).toEqual([rule.id, 900n, 90n, 99_010n, '2027-01-05']); // 0.9 %, D+0
  });
});
