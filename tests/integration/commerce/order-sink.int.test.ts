// Item 8 and 14: the orders sink writes every order exactly once — through a SIGKILL mid-stream, through
// redelivered copies, and across three replicas through a rebalance — and parks malformed orders on the
// dead-letter topic with the reason while it carries on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consumer, Producer } from 'kafkajs';
import { db } from '@/lib/platform/db';
import { TOPIC_PREFIX, TOPICS } from '@/lib/platform/events/topics';
import { createKafka } from '@/lib/platform/kafka/client';
import { spawnWorker, waitFor, type WorkerProcess } from '../helpers';
import { events, newProductId, newUserId, order, publish } from './shop-events';

const kafka = createKafka('it-order-sink');
let producer: Producer;
const running: WorkerProcess[] = [];
const start = (name: string) => {
  const w = spawnWorker(name);
  running.push(w);
  return w;
};

beforeAll(async () => {
  producer = kafka.producer();
  await producer.connect();
});
afterAll(async () => {
  await Promise.all(running.map((w) => w.stop()));
  await producer.disconnect();
});

/** Orders of `users` users over `products` products: `n` orders with 1..4 lines. */
function makeOrders(n: number, users: string[], products: string[]) {
  return Array.from({ length: n }, (_, i) => {
    const lines = Array.from({ length: (i % 4) + 1 }, (_, j) => products[(i * 7 + j * 3) % products.length]!);
    return order(users[i % users.length]!, [...new Set(lines)], new Date(Date.UTC(2026, 10, 1) + i * 60_000));
  });
}

async function expectExactlyOnce(orders: ReturnType<typeof makeOrders>, products: string[]) {
  const ids = orders.map((o) => o.orderId);
  expect(await db.shopOrder.count({ where: { id: { in: ids } } })).toBe(orders.length);
  const lines = orders.reduce((s, o) => s + o.lines.length, 0);
  expect(await db.orderLine.count({ where: { orderId: { in: ids } } })).toBe(lines);
  // each product's order count is exactly the lines that bought it: no redelivery counted twice
  const expected = new Map<string, number>();
  for (const o of orders) for (const l of o.lines) expected.set(l.productId, (expected.get(l.productId) ?? 0) + 1);
  const rows = await db.product.findMany({ where: { id: { in: products } }, select: { id: true, orderCount: true } });
  expect(Object.fromEntries(rows.map((r) => [r.id, r.orderCount]))).toEqual(Object.fromEntries(products.map((p) => [p, expected.get(p) ?? 0])));
}

async function seedCatalogue(users: string[], products: string[]) {
  const now = new Date();
  await db.shopUser.createMany({ data: users.map((id) => ({ id, name: '김테스트', gender: 'F' as const, age: 30, birthYear: 1996, province: '서울', district: '마포구', street: '1', email: `${id}@naver.com`, phone: '010-0000-0000', marketingConsent: true, createdAt: now, randomSeed: 0.5 })) });
  await db.product.createMany({ data: products.map((id) => ({ id, category: '스킨케어', name: 'x', price: 10_000, listPrice: 10_000, discountRate: 0, description: '', rating: 4, reviewCount: 0, stock: 10, createdAt: now })) });
}

describe('commerce order sink', () => {
  it('killed with SIGKILL mid-stream and restarted, writes every order exactly once (redelivered copies too)', async () => {
    const users = Array.from({ length: 40 }, newUserId);
    const products = Array.from({ length: 30 }, newProductId);
    await seedCatalogue(users, products);
    const orders = makeOrders(3_000, users, products);
    // every order published twice, as a generator retrying after a lost acknowledgement would
    await publish(producer, events.OrderPlaced, orders, 2);

    let sink = start('commerce-order-sink');
    await sink.ready;
    const ids = orders.map((o) => o.orderId);
    await waitFor(async () => (await db.shopOrder.count({ where: { id: { in: ids } } })) > 300, 60_000, 'some orders written');
    await sink.stop('SIGKILL');
    const before = await db.shopOrder.count({ where: { id: { in: ids } } });
    expect(before).toBeLessThan(orders.length); // really killed mid-stream
    sink = start('commerce-order-sink');
    await sink.ready;
    await waitFor(async () => (await db.shopOrder.count({ where: { id: { in: ids } } })) === orders.length, 90_000, 'all orders');
    await new Promise((r) => setTimeout(r, 1_500)); // anything still to come would double-count now
    await expectExactlyOnce(orders, products);
    // lastOrderedAt is the latest order of each user, whatever order the copies arrived in
    const latest = new Map<string, string>();
    for (const o of orders) if ((latest.get(o.userId) ?? '') < o.orderedAt) latest.set(o.userId, o.orderedAt);
    const got = await db.shopUser.findMany({ where: { id: { in: users } }, select: { id: true, lastOrderedAt: true } });
    expect(Object.fromEntries(got.map((u) => [u.id, u.lastOrderedAt?.toISOString()]))).toEqual(Object.fromEntries(latest));
    await sink.stop();
  });

  it('three replicas in one group share the partitions and write no order twice through a rebalance', async () => {
    const users = Array.from({ length: 60 }, newUserId);
    const products = Array.from({ length: 25 }, newProductId);
    await seedCatalogue(users, products);
    const replicas = [start('commerce-order-sink'), start('commerce-order-sink'), start('commerce-order-sink')];
    await Promise.all(replicas.map((r) => r.ready));
    const admin = kafka.admin();
    await admin.connect();
    const group = `${TOPIC_PREFIX}commerce-order-sink`;
    await waitFor(async () => (await admin.describeGroups([group])).groups[0]?.members.filter((m) => m.memberAssignment.length > 0).length === 3, 30_000, 'three assigned members');

    const orders = makeOrders(1_200, users, products);
    await publish(producer, events.OrderPlaced, orders.slice(0, 600));
    await replicas[0]!.stop('SIGTERM'); // one leaves: its two partitions move to the others
    await publish(producer, events.OrderPlaced, orders.slice(600), 2);
    await admin.disconnect();
    const ids = orders.map((o) => o.orderId);
    await waitFor(async () => (await db.shopOrder.count({ where: { id: { in: ids } } })) === orders.length, 90_000, 'all orders');
    await new Promise((r) => setTimeout(r, 1_500));
    await expectExactlyOnce(orders, products);
    await Promise.all(replicas.map((r) => r.stop()));
  });

  it('parks a malformed order on the dead-letter topic with the reason and carries on', async () => {
    const [u] = [newUserId()];
    const p = newProductId();
    await seedCatalogue([u!], [p]);
    const good1 = order(u!, [p]);
    const good2 = order(u!, [p]);
    const bad = { ...order(u!, [p]), total: 1 }; // figures that do not add up
    const dlq: { reason: string; value: string }[] = [];
    const consumer: Consumer = kafka.consumer({ groupId: `${TOPIC_PREFIX}it-order-sink-dlq-${Date.now()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.deadLetter, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => {
      if (message.headers?.['dlq-consumer']?.toString() === `${TOPIC_PREFIX}commerce-order-sink`) dlq.push({ reason: message.headers['dlq-reason']!.toString(), value: message.value!.toString() });
    } });
    const sink = start('commerce-order-sink');
    await sink.ready;
    await publish(producer, events.OrderPlaced, [good1]);
    await producer.send({ topic: TOPICS.commerceOrders, messages: [{ key: u!, value: '{"not": "an event"' }] });
    await producer.send({ topic: TOPICS.commerceOrders, messages: [{ key: u!, value: JSON.stringify({ ...(await publishless(bad)) }) }] });
    await publish(producer, events.OrderPlaced, [good2]);
    await waitFor(async () => (await db.shopOrder.count({ where: { id: { in: [good1.orderId, good2.orderId] } } })) === 2, 60_000, 'both good orders');
    await waitFor(async () => dlq.length >= 2, 30_000, 'two dead letters');
    expect(dlq.map((d) => d.reason)).toEqual([expect.stringContaining('not JSON'), expect.stringMatching(/bad OrderPlaced payload.*total/s)]);
    expect(await db.shopOrder.count({ where: { id: bad.orderId } })).toBe(0);
    await consumer.disconnect();
    await sink.stop();
  });
});

/** The envelope of a payload that would fail validation (createEnvelope validates, so build it by hand). */
async function publishless(payload: object) {
  const { randomUUID } = await import('node:crypto');
  return { eventId: randomUUID(), type: 'OrderPlaced', version: 1, occurredAt: new Date().toISOString(), correlationId: randomUUID(), causationId: null, payload };
}
