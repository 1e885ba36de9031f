// The shop generator's payments (seed 004): each cart it checks out is paid on `payment`, keyed by merchant, in the
// seed's envelope, with the amount and time of its order; follow-ups (here network cancellations, raised to 10 % so
// a short run sees some) name an approval sent before them; and every PAYMENT_BATCH_MS a FINISH marker reaches every
// partition, after the payments of its batch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consumer } from 'kafkajs';
import { db } from '@/lib/platform/db';
import { OrderPlaced } from '@/lib/platform/events/commerce';
import { paymentMessage, type PaymentMessage } from '@/lib/platform/events/settlement';
import { TOPICS } from '@/lib/platform/events/topics';
import { createKafka } from '@/lib/platform/kafka/client';
import { seedCatalogue } from '@/lib/commerce/catalogue/seed-catalogue';
import { setGeneratorControl, switchScenario } from '@/lib/commerce/generator/control';
import { kstIso } from '@/lib/platform/time/kst';
import { spawnWorker, waitFor, type WorkerProcess } from '../helpers';

const kafka = createKafka('it-payments');
const admin = kafka.admin();
let consumer: Consumer;
let worker: WorkerProcess | undefined;
type Received = { partition: number; key: string | null; message: PaymentMessage; at: number };
const payments: Received[] = [];
const orders = new Map<string, { total: number; orderedAt: string }>();

beforeAll(async () => {
  await seedCatalogue(db, { users: 2_000, products: 3_000 }); // nothing if another test left shop rows
  await setGeneratorControl(db, { running: true, rate: null });
  await switchScenario(db, { id: 0 });
  await admin.connect();
  consumer = kafka.consumer({ groupId: `it-payments-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [TOPICS.payment, TOPICS.commerceOrders], fromBeginning: false });
  let seq = 0;
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      const value = JSON.parse(message.value!.toString());
      if (topic === TOPICS.commerceOrders) {
        const o = OrderPlaced.payload.parse(value.payload);
        orders.set(o.orderId, { total: o.total, orderedAt: o.orderedAt });
      } else payments.push({ partition, key: message.key?.toString() ?? null, message: value, at: seq++ });
    },
  });
  await new Promise((r) => setTimeout(r, 3_000)); // joined and at the end of the topics
});

afterAll(async () => {
  await worker?.stop();
  await consumer.disconnect();
  await admin.disconnect();
});

describe('commerce generator payments', () => {
  it('pays every cart on `payment` and closes each batch with a FINISH marker on every partition', async () => {
    const partitions = (await admin.fetchTopicMetadata({ topics: [TOPICS.payment] })).topics[0]!.partitions.length;
    // no duplicates here: a late one carries its original's time, which would blur the batch check below
    const env = { COMMERCE_RATE: '50', PAYMENT_BATCH_MS: '2000', PAYMENT_NETWORK_CANCEL_SHARE: '0.1', PAYMENT_DUPLICATE_SHARE: '0' };
    Object.assign(process.env, env);
    worker = spawnWorker('commerce-generator');
    for (const k of Object.keys(env)) delete process.env[k];
    await worker.ready;
    const finishes = () => payments.filter((p) => p.message.action === 'FINISH');
    // two whole batches: a FINISH on every partition at least three times (the first closes a partial batch)
    await waitFor(async () => new Set(finishes().map((f) => f.partition)).size === partitions && finishes().length >= 3 * partitions, 30_000, 'three rounds of FINISH markers');

    for (const p of payments) paymentMessage.parse(p.message);
    const finish = finishes();
    for (const f of finish) expect(f.message).toEqual({ channel: 'ONLINE', action: 'FINISH', data: null });
    // markers come in rounds of one per partition, at most ~one round per PAYMENT_BATCH_MS
    const rounds = new Map<number, number>();
    for (const f of finish) rounds.set(f.partition, (rounds.get(f.partition) ?? 0) + 1);
    expect(Math.max(...rounds.values()) - Math.min(...rounds.values())).toBeLessThanOrEqual(1);

    // in each partition, no payment before a marker is later than one after it (confirmations keep their approval's
    // time, so they are left out; 300 ms for the clock read between a tick and its carts)
    for (let partition = 0; partition < partitions; partition++) {
      let before = -Infinity;
      let current = -Infinity;
      for (const p of payments.filter((x) => x.partition === partition)) {
        if (p.message.action === 'FINISH') {
          before = Math.max(before, current);
          continue;
        }
        if (p.message.data.status === 'CONFIRMED') continue;
        const t = Date.parse(p.message.data.paymentDate);
        expect(t).toBeGreaterThanOrEqual(before - 300);
        current = Math.max(current, t);
      }
    }

    const paid = payments.filter((p) => p.message.action === 'PAYMENT').map((p) => ({ ...p, data: p.message.data! }));
    expect(paid.length).toBeGreaterThan(100);
    for (const p of paid) expect(p.key).toBe(p.data.merchantNumber);
    // a merchant's payments stay in one partition
    const partitionOf = new Map<string, Set<number>>();
    for (const p of paid) partitionOf.set(p.data.merchantNumber, (partitionOf.get(p.data.merchantNumber) ?? new Set()).add(p.partition));
    for (const s of partitionOf.values()) expect(s.size).toBe(1);

    // approvals of carts seen on commerce.orders carry the order's total and time
    const approvals = paid.filter((p) => p.data.paymentActionType === 'PAYMENT');
    const matched = approvals.filter((p) => orders.has(p.data.paymentId.slice(4)));
    expect(matched.length).toBeGreaterThan(approvals.length * 0.9);
    for (const p of matched) {
      const o = orders.get(p.data.paymentId.slice(4))!;
      expect(p.data.amount).toBe(o.total);
      expect(p.data.paymentDate).toBe(kstIso(o.orderedAt));
    }
    // network cancellations arrive after their approval, in its partition, for its whole amount
    const byId = new Map(approvals.map((p) => [p.data.paymentId, p]));
    const cancels = paid.filter((p) => p.data.status === 'NETWORK_CANCELED');
    expect(cancels.length).toBeGreaterThan(0);
    for (const c of cancels) {
      const a = byId.get(c.data.originalPaymentId!);
      if (!a) continue; // its approval was sent before the consumer joined
      expect(c.at).toBeGreaterThan(a.at);
      expect(c.partition).toBe(a.partition);
      expect(c.data.amount).toBe(a.data.amount);
    }
  });
});
