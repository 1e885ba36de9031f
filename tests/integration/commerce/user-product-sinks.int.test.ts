// The users and products sinks, and the commerce projection: idempotent under redelivery, users who ordered
// before their own UserRegistered arrived still get their last order time, counters move once per record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Producer } from 'kafkajs';
import { db } from '@/lib/platform/db';
import { createKafka } from '@/lib/platform/kafka/client';
import { spawnWorker, waitFor, type WorkerProcess } from '../helpers';
import { events, newProductId, newUserId, order, product, publish, user } from './shop-events';

let producer: Producer;
let workers: WorkerProcess[] = [];
const totals = async () => (await db.commerceTotals.findUnique({ where: { id: 1 } })) ?? { users: 0, products: 0, orders: 0, orderLines: 0, revenue: 0n };
/**
 * The totals once the sinks have caught up with what earlier test files left on the topics (the shop generator's
 * sign-ups, for one): unchanged over a second, 30 s at most.
 */
async function settledTotals() {
  let prev = JSON.stringify(await totals(), (_, v) => (typeof v === 'bigint' ? String(v) : v));
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 1_000));
    const now = await totals();
    const json = JSON.stringify(now, (_, v) => (typeof v === 'bigint' ? String(v) : v));
    if (json === prev) return now;
    prev = json;
  }
  throw new Error(`the commerce totals kept moving for 30 s before the test: ${prev}`);
}

beforeAll(async () => {
  producer = createKafka('it-commerce-sinks').producer();
  await producer.connect();
  workers = ['commerce-user-sink', 'commerce-product-sink', 'commerce-order-sink', 'commerce-projection'].map(spawnWorker);
  await Promise.all(workers.map((w) => w.ready));
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await producer.disconnect();
});

describe('commerce users and products sinks, and the projection', () => {
  it('write each user and product once however often they are delivered, and count them once', async () => {
    const before = await settledTotals();
    const users = Array.from({ length: 50 }, () => user());
    const products = Array.from({ length: 40 }, () => product());
    await publish(producer, events.UserRegistered, users, 3);
    await publish(producer, events.ProductListed, products, 2);
    await waitFor(async () => (await db.shopUser.count({ where: { id: { in: users.map((u) => u.userId) } } })) === 50, 60_000, 'users');
    await waitFor(async () => (await db.product.count({ where: { id: { in: products.map((p) => p.productId) } } })) === 40, 60_000, 'products');
    await new Promise((r) => setTimeout(r, 1_500));
    const after = await totals();
    expect(after.users - before.users).toBe(50);
    expect(after.products - before.products).toBe(40);
    const row = await db.shopUser.findUniqueOrThrow({ where: { id: users[0]!.userId } });
    expect(row).toMatchObject({ name: users[0]!.name, province: '서울', district: '마포구', marketingConsent: true, grade: 'BRONZE' });
  });

  it('gives a user whose orders landed before their registration the latest of those orders', async () => {
    const id = newUserId();
    const p = product(newProductId());
    await publish(producer, events.ProductListed, [p]);
    const early = order(id, [p.productId], new Date('2026-11-20T03:00:00Z'));
    const late = order(id, [p.productId], new Date('2026-11-21T03:00:00Z'));
    await publish(producer, events.OrderPlaced, [late, early]);
    await waitFor(async () => (await db.shopOrder.count({ where: { userId: id } })) === 2, 60_000, 'orders of the unregistered user');
    await publish(producer, events.UserRegistered, [user(id)]);
    const u = await waitFor(() => db.shopUser.findUnique({ where: { id } }), 60_000, 'the user');
    expect(u!.lastOrderedAt?.toISOString()).toBe('2026-11-21T03:00:00.000Z');
  });

  it('projects each order once into the per-minute, per-category, per-day and payment read models', async () => {
    const u = newUserId();
    const ps = [product(), product(undefined, { category: 'IT/게이밍' })];
    const minute = new Date('2025-03-04T05:06:00Z'); // a minute no other test uses
    const orders = Array.from({ length: 20 }, (_, i) => order(u, ps.map((p) => p.productId), new Date(minute.getTime() + i * 1_000)));
    await publish(producer, events.OrderPlaced, orders, 2); // each delivered twice
    const lines = orders.length * 2;
    const revenue = orders.reduce((s, o) => s + o.total, 0);
    await waitFor(async () => (await db.commerceMinute.findUnique({ where: { minute } }))?.carts === 20, 60_000, 'minute bucket');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await db.commerceMinute.findUnique({ where: { minute } })).toMatchObject({ carts: 20, lines, revenue: BigInt(revenue) });
    const cats = await db.commerceCategoryMinute.findMany({ where: { minute }, orderBy: { category: 'asc' } });
    expect(cats.map((c) => [c.category, c.lines])).toEqual([['스킨케어', 40]]); // the factory's lines are all 스킨케어
    expect((await db.commerceDay.findUnique({ where: { day: new Date('2025-03-04') } }))?.carts).toBe(20);
  });
});
