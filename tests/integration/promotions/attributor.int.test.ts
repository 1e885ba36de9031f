// Issue 8: the promotion attributor against the real broker and database. Disorder within and beyond the grace,
// duplicates, a malformed record, SIGKILL mid-stream, three replicas, the `promotion` topic scanned for personal
// data, and the refusal to start on topics that are not co-partitioned.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KafkaMessage, Producer } from 'kafkajs';
import { db } from '@/lib/platform/db';
import { TOPIC_PREFIX, TOPICS } from '@/lib/platform/events/topics';
import { createKafka } from '@/lib/platform/kafka/client';
import { kstIso } from '@/lib/platform/time/kst';
import { attribute } from '@/lib/promotions/attribution/rule';
import { ROOT, spawnWorker, waitFor, type WorkerProcess } from '../helpers';
import { readTopic } from './read-topic';

const kafka = createKafka('it-attributor');
let producer: Producer;
const running: WorkerProcess[] = [];
const start = async () => {
  const w = spawnWorker('promotions-attributor');
  running.push(w);
  await w.ready;
  return w;
};

const readAll = (topic: string, until: (ms: KafkaMessage[]) => boolean, timeoutMs = 30_000) => readTopic(kafka, topic, until, timeoutMs);

const user = () => `IT_${randomUUID().slice(0, 8)}`;
const cards: string[] = [];
const CARD = () => {
  const n = `9410-${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}-5555-${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`;
  cards.push(n);
  return n;
};

function purchase(userId: string, at: number, extra: Record<string, unknown> = {}) {
  const purchaseId = randomUUID();
  return {
    eventId: purchaseId, purchaseId, userId, occurredAt: kstIso(new Date(at)), amount: 25_000, paymentMethod: 'Card',
    card: { number: CARD(), holder: '김민준' }, buyer: { name: '김민준', age: 34, gender: 'M' },
    items: [{ productId: 'P0000abcd', name: '패딩', category: 'FW(가을겨울)', quantity: 1, price: 25_000 }], ...extra,
  };
}
const behaviour = (userId: string, at: number, action: 'view' | 'click' = 'click', promotionId = 'PR-0001') =>
  ({ eventId: randomUUID(), userId, promotionId, action, occurredAt: new Date(at).toISOString() });

async function send(topic: string, records: { userId: string }[]) {
  await producer.send({ topic, acks: -1, messages: records.map((r) => ({ key: r.userId, value: JSON.stringify(r) })) });
}
const decision = (purchaseId: string) => db.attributionDecision.findUnique({ where: { purchaseId } });

beforeAll(async () => {
  producer = kafka.producer();
  await producer.connect();
});
afterAll(async () => {
  await Promise.all(running.map((w) => w.stop()));
  await producer.disconnect();
});

describe('promotion attributor', () => {
  it('decides at once with a behaviour in the window, waits the grace for one that comes late, and never changes a decision', async () => {
    const w = await start();
    const now = Date.now();
    const [a, b, c] = [user(), user(), user()];
    // a: click a minute before the purchase, both in order -> 1 at once
    await send(TOPICS.promoBehavior, [behaviour(a, now - 60_000)]);
    const pa = purchase(a, now);
    await send(TOPICS.purchase, [pa]);
    // b: the purchase first, its view (30 s earlier in event time) 300 ms later -> 1, within the grace
    const pb = purchase(b, now);
    await send(TOPICS.purchase, [pb]);
    await new Promise((r) => setTimeout(r, 300));
    await send(TOPICS.promoBehavior, [behaviour(b, now - 30_000, 'view', 'PR-0002')]);
    // c: no behaviour within the grace -> 0; its click arrives 3 s later and changes nothing (counted late)
    const pc = purchase(c, now);
    await send(TOPICS.purchase, [pc]);
    const da = (await waitFor(() => decision(pa.purchaseId), 10_000, 'a decided'))!;
    const db_ = (await waitFor(() => decision(pb.purchaseId), 10_000, 'b decided'))!;
    const dc = (await waitFor(() => decision(pc.purchaseId), 10_000, 'c decided'))!;
    expect([da.affect, da.decidedBy, da.action]).toEqual([1, 'window', 'click']);
    expect([db_.affect, db_.promotionId, db_.action]).toEqual([1, 'PR-0002', 'view']);
    expect([dc.affect, dc.promotionId]).toEqual([0, null]);
    expect(['grace', 'idle']).toContain(dc.decidedBy);
    const lateBefore = await db.attributionCursor.aggregate({ _sum: { lateBehaviors: true } });
    await send(TOPICS.promoBehavior, [behaviour(c, now - 10_000)]);
    await waitFor(async () => ((await db.attributionCursor.aggregate({ _sum: { lateBehaviors: true } }))._sum.lateBehaviors ?? 0) > (lateBefore._sum.lateBehaviors ?? 0), 10_000, 'a late behaviour counted');
    expect((await decision(pc.purchaseId))!.affect).toBe(0);
    await w.stop();
  });

  it('gives one output for a repeated input, parks a malformed record with its reason, and carries on', async () => {
    const w = await start();
    const u = user();
    const p = purchase(u, Date.now());
    await send(TOPICS.promoBehavior, [behaviour(u, Date.now() - 5_000)]);
    await send(TOPICS.purchase, [p, p]); // the same eventId twice
    await producer.send({ topic: TOPICS.purchase, messages: [{ key: u, value: '{"eventId": "x", "occurredAt": "yesterday"}' }] });
    const after = purchase(u, Date.now());
    await send(TOPICS.purchase, [after]);
    await waitFor(() => decision(after.purchaseId), 10_000, 'the purchase after the bad record decided');
    const attributed = await readAll(TOPICS.purchaseAttributed, (ms) => ms.some((m) => m.value!.toString().includes(after.purchaseId)));
    expect(attributed.filter((m) => m.value!.toString().includes(p.purchaseId))).toHaveLength(1);
    const dlq = await readAll(TOPICS.deadLetter, (ms) => ms.some((m) => m.headers?.['dlq-consumer']?.toString() === `${TOPIC_PREFIX}promotions-attributor`));
    const reason = dlq.find((m) => m.headers?.['dlq-consumer']?.toString() === `${TOPIC_PREFIX}promotions-attributor`)!.headers!['dlq-reason']!.toString();
    expect(reason).toMatch(/occurredAt: time "yesterday"/);
    expect(reason).toMatch(/purchaseId/);
    await w.stop();
  });

  it('killed with SIGKILL mid-stream, then three replicas: every purchase decided exactly once, as the rule says', async () => {
    const users = Array.from({ length: 60 }, user);
    // from now on: stream time never goes back, and records of other tests on these topics are at about now
    const t0 = Date.now() + 5_000;
    const behaviours: ReturnType<typeof behaviour>[] = [];
    const purchases: ReturnType<typeof purchase>[] = [];
    // 20 minutes of traffic in event time: views and clicks, then purchases, some inside a behaviour's window
    for (let i = 0; i < 1200; i++) {
      const u = users[i % users.length]!;
      const at = t0 + i * 1000;
      if (i % 3 === 0) behaviours.push(behaviour(u, at, i % 6 === 0 ? 'click' : 'view', `PR-000${1 + (i % 6)}`));
      if (i % 2 === 1) purchases.push(purchase(users[(i * 7) % users.length]!, at));
    }
    // in event-time order, both topics, in slices (so the attributor is mid-stream when it dies)
    const all = [...behaviours.map((r) => ({ topic: TOPICS.promoBehavior, r })), ...purchases.map((r) => ({ topic: TOPICS.purchase, r }))]
      .sort((x, y) => Date.parse(x.r.occurredAt) - Date.parse(y.r.occurredAt));
    const w = await start();
    for (let i = 0; i < all.length; i += 100) {
      const slice = all.slice(i, i + 100);
      await send(TOPICS.promoBehavior, slice.filter((s) => s.topic === TOPICS.promoBehavior).map((s) => s.r));
      await send(TOPICS.purchase, slice.filter((s) => s.topic === TOPICS.purchase).map((s) => s.r));
      if (i === 800) {
        await waitFor(async () => (await db.attributionDecision.count({ where: { purchaseId: { in: purchases.map((p) => p.purchaseId) } } })) > 50, 20_000, 'some decisions');
        await w.stop('SIGKILL');
      }
    }
    // a restarted attributor goes on from where the killed one stopped within 10 s; two more replicas then join it
    const ids = purchases.map((p) => p.purchaseId);
    const decidedAtKill = await db.attributionDecision.count({ where: { purchaseId: { in: ids } } });
    const restarted = Date.now();
    await start();
    await waitFor(async () => (await db.attributionDecision.count({ where: { purchaseId: { in: ids } } })) > decidedAtKill, 10_000 - (Date.now() - restarted), 'decisions again within 10 s of the restart');
    await Promise.all([start(), start()]); // two more join: the partitions are dealt again mid-stream
    await waitFor(async () => (await db.attributionDecision.count({ where: { purchaseId: { in: ids } } })) === ids.length, 60_000, 'every purchase decided');
    const rows = await db.attributionDecision.findMany({ where: { purchaseId: { in: ids } } });
    const byId = new Map(rows.map((r) => [r.purchaseId, r]));
    const asRule = (p: (typeof purchases)[number]) => attribute({ userId: p.userId, at: Date.parse(p.occurredAt) },
      behaviours.map((b) => ({ ...b, at: Date.parse(b.occurredAt) })));
    for (const p of purchases) {
      const want = asRule(p);
      expect({ id: p.purchaseId, affect: byId.get(p.purchaseId)!.affect, promotionId: byId.get(p.purchaseId)!.promotionId })
        .toEqual({ id: p.purchaseId, affect: want ? 1 : 0, promotionId: want?.promotionId ?? null });
    }
    // on the topic: every purchase, and no purchase under two eventIds
    const wanted = new Set<string>(ids);
    const out = await readAll(TOPICS.purchaseAttributed, (ms) => new Set(ms.map((m) => JSON.parse(m.value!.toString()).purchaseId).filter((x: string) => wanted.has(x))).size === ids.length, 60_000);
    const events = new Map<string, Set<string>>();
    for (const m of out) {
      const r = JSON.parse(m.value!.toString()) as { purchaseId: string; eventId: string };
      if (wanted.has(r.purchaseId)) events.set(r.purchaseId, (events.get(r.purchaseId) ?? new Set()).add(r.eventId));
    }
    expect([...events.values()].every((s) => s.size === 1)).toBe(true);
    expect(events.size).toBe(ids.length);
  }, 180_000);

  it('the promotion topic carries no user id and no card, whole', async () => {
    const rows = await db.attributionDecision.findMany({ where: { affect: 1 }, select: { userId: true } });
    const affected = rows.length;
    expect(affected).toBeGreaterThan(0);
    const msgs = await readAll(TOPICS.promotion, (ms) => ms.length >= affected, 30_000);
    const allowed = ['eventId', 'purchaseId', 'promotionId', 'action', 'behaviorAt', 'purchasedAt', 'amount', 'items', 'paymentMethod', 'buyer', 'promotion_affect'];
    const userIds = new Set(rows.map((r) => r.userId));
    expect(cards.length).toBeGreaterThan(100); // the purchases of this file all carried a card
    for (const m of msgs) {
      const text = m.value!.toString();
      const r = JSON.parse(text) as Record<string, unknown> & { buyer: Record<string, unknown> };
      expect(Object.keys(r).every((k) => allowed.includes(k))).toBe(true);
      expect(Object.keys(r.buyer).sort()).toEqual(['ageGroup', 'gender', 'name']);
      expect(r.buyer.name).toMatch(/\*/);
      expect(text).not.toMatch(/"(card|holder|number|userId|user_id)":|(?<![\w-])\d{4}-?\d{4}-?\d{4}-?\d{4}(?![\w-])/); // keys, and card-like numbers
      for (const u of userIds) expect(text.includes(u)).toBe(false);
      for (const n of cards) expect(text.includes(n) || text.includes(n.replaceAll('-', ''))).toBe(false);
    }
  });

  it('refuses to start, saying why, when purchase and promo_behavior differ in partitions', async () => {
    const prefix = `it-copart-${Date.now().toString(36)}.`;
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: `${prefix}purchase`, numPartitions: 6 }, { topic: `${prefix}promo_behavior`, numPartitions: 3 }] });
    await admin.disconnect();
    const child = spawn(process.execPath, ['--import', 'tsx', 'workers/promotions-attributor.ts'], { cwd: ROOT, env: { ...process.env, KAFKA_TOPIC_PREFIX: prefix }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect(code).not.toBe(0);
    expect(out).toContain(`${prefix}purchase has 6 partitions and ${prefix}promo_behavior has 3`);
  });
});
