// The shop generator as `npm start` runs it: at COMMERCE_RATE=50 it publishes valid OrderPlaced events whose
// buyers and products exist (in PostgreSQL, or published by the generator itself a moment before), and
// GeneratorControl pauses and resumes it within a couple of seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consumer } from 'kafkajs';
import { db } from '@/lib/platform/db';
import { OrderPlaced } from '@/lib/platform/events/commerce';
import { TOPICS } from '@/lib/platform/events/topics';
import { createKafka } from '@/lib/platform/kafka/client';
import { seedCatalogue } from '@/lib/commerce/catalogue/seed-catalogue';
import { setGeneratorControl, switchScenario } from '@/lib/commerce/generator/control';
import { spawnWorker, waitFor, type WorkerProcess } from '../helpers';

const kafka = createKafka('it-generator');
const admin = kafka.admin();
let consumer: Consumer;
let worker: WorkerProcess | undefined;
const seen = { orders: [] as unknown[], users: new Set<string>(), products: new Set<string>() };

const ordersHigh = async () => (await admin.fetchTopicOffsets(TOPICS.commerceOrders)).reduce((s, p) => s + Number(p.high), 0);

beforeAll(async () => {
  await seedCatalogue(db, { users: 2_000, products: 3_000 }); // nothing if another test left shop rows
  await setGeneratorControl(db, { running: true, rate: null });
  await switchScenario(db, { id: 0 });
  await admin.connect();
  consumer = kafka.consumer({ groupId: `it-generator-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [TOPICS.commerceOrders, TOPICS.commerceUsers, TOPICS.commerceProducts], fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      const env = JSON.parse(message.value!.toString()) as { type: string; payload: { userId?: string; productId?: string } };
      if (topic === TOPICS.commerceOrders) seen.orders.push(env.payload);
      else if (env.type === 'UserRegistered') seen.users.add(env.payload.userId!);
      else if (env.type === 'ProductListed') seen.products.add(env.payload.productId!);
    },
  });
  await new Promise((r) => setTimeout(r, 3_000)); // joined and at the end of the topics
});

afterAll(async () => {
  await worker?.stop();
  await setGeneratorControl(db, { running: true });
  await consumer.disconnect();
  await admin.disconnect();
});

describe('commerce generator', () => {
  it('publishes valid orders from the pool at COMMERCE_RATE, and pauses and resumes by GeneratorControl', async () => {
    process.env.COMMERCE_RATE = '50';
    worker = spawnWorker('commerce-generator');
    delete process.env.COMMERCE_RATE;
    await worker.ready;
    await waitFor(async () => seen.orders.length >= 150, 30_000, '150 orders');

    const orders = seen.orders.map((o) => OrderPlaced.payload.parse(o));
    const userIds = [...new Set(orders.map((o) => o.userId))];
    const productIds = [...new Set(orders.flatMap((o) => o.lines.map((l) => l.productId)))];
    const inDb = {
      users: new Set((await db.shopUser.findMany({ where: { id: { in: userIds } }, select: { id: true } })).map((u) => u.id)),
      products: new Set((await db.product.findMany({ where: { id: { in: productIds } }, select: { id: true } })).map((p) => p.id)),
    };
    expect(userIds.filter((id) => !inDb.users.has(id) && !seen.users.has(id))).toEqual([]);
    expect(productIds.filter((id) => !inDb.products.has(id) && !seen.products.has(id))).toEqual([]);
    expect(orders.every((o) => o.scenarioId === 0 || o.scenarioId === 17 || o.scenarioId === 19)).toBe(true);

    const status = (await waitFor(() => db.generatorStatus.findUnique({ where: { id: 1 } }), 5_000, 'a status row'))!;
    expect(status.rate).toBe(50);
    expect(status.poolNeverPurchased + status.poolPurchased).toBeGreaterThan(0);

    await setGeneratorControl(db, { running: false });
    await waitFor(async () => (await db.generatorStatus.findUnique({ where: { id: 1 } }))?.running === false, 10_000, 'status running=false');
    await new Promise((r) => setTimeout(r, 1_000)); // batches in flight land
    const paused = await ordersHigh();
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await ordersHigh()).toBe(paused);

    await setGeneratorControl(db, { running: true, rate: 100 });
    await waitFor(async () => (await ordersHigh()) > paused + 100, 15_000, 'orders after resuming');
    await waitFor(async () => (await db.generatorStatus.findUnique({ where: { id: 1 } }))?.rate === 100, 5_000, 'status rate=100');
    await setGeneratorControl(db, { rate: null });
  });
});
