// The settlement seed step against PostgreSQL and Kafka: the shop's merchants once (a flag staff changed stays),
// the default payout rules once, and each rule's PayoutRuleSaved (written with recordEvents) relayed to the compacted
// `payout-rules` topic, where every settlement worker loads them.
import { randomUUID } from 'node:crypto';
import type { Consumer, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/platform/db';
import { PayoutRuleSaved, ruleKey } from '@/lib/platform/events/settlement';
import { TOPICS } from '@/lib/platform/events/topics';
import { createKafka } from '@/lib/platform/kafka/client';
import { relayBatch } from '@/lib/platform/outbox/relay';
import { SHOP_MERCHANTS } from '@/lib/settlement/merchants/shop-merchants';
import seed, { defaultPayoutRules } from '@/prisma/seeds/60-settlement';
import { waitFor } from '../helpers';

const kafka = createKafka('it-settlement-seed');
/** a row's key on the topic (the row's method and action are plain strings) */
const keyOf = (r: { merchantNumber: string; method: string; action: string; effectiveFrom: string }) => ruleKey(r as Parameters<typeof ruleKey>[0]);
let producer: Producer;
let consumer: Consumer | undefined;

beforeAll(async () => {
  producer = kafka.producer();
  await producer.connect();
});
afterAll(async () => {
  await consumer?.disconnect();
  await producer.disconnect();
});

describe('settlement seed', () => {
  it('adds the merchants and default rules once, and publishes each rule on payout-rules', async () => {
    const hadRules = (await db.payoutRule.count()) > 0;
    const started = Date.now();
    const summary = await seed(db);
    const took = Date.now() - started;
    const expected = defaultPayoutRules().length;
    expect(summary).toContain(`${hadRules ? 0 : expected} default payout rules`);
    console.log(`settlement seed: ${summary} in ${took} ms`);

    const merchants = await db.merchant.findMany({ where: { number: { in: SHOP_MERCHANTS.map((m) => m.number) } } });
    expect(merchants.map((m) => ({ number: m.number, name: m.name, settlementEnabled: m.settlementEnabled, test: m.test })).sort((a, b) => a.number.localeCompare(b.number)))
      .toEqual(SHOP_MERCHANTS.map(({ number, name, settlementEnabled, test }) => ({ number, name, settlementEnabled, test })).sort((a, b) => a.number.localeCompare(b.number)));

    // again: nothing new, and a flag staff changed stays
    await db.merchant.update({ where: { number: 'merchant-0005' }, data: { settlementEnabled: false } });
    expect(await seed(db)).toMatch(/\(0 new\), 0 default payout rules/);
    expect((await db.merchant.findUniqueOrThrow({ where: { number: 'merchant-0005' } })).settlementEnabled).toBe(false);
    await db.merchant.update({ where: { number: 'merchant-0005' }, data: { settlementEnabled: true } });
    if (hadRules) return; // another test's rules were there first: the seed rightly left rules alone

    const rows = await db.payoutRule.findMany({ where: { createdBy: 'seed' } });
    expect(rows).toHaveLength(expected);
    while ((await relayBatch({ db, producer })) > 0);
    const onTopic = new Map<string, unknown>();
    consumer = kafka.consumer({ groupId: `it-settlement-seed-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.payoutRules, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void onTopic.set(message.key!.toString(), JSON.parse(message.value!.toString())) });
    await waitFor(async () => rows.every((r) => onTopic.has(keyOf(r))), 30_000, `${expected} rules on payout-rules`);
    for (const r of rows) {
      const env = onTopic.get(keyOf(r)) as { type: string; payload: unknown };
      expect(env.type).toBe('PayoutRuleSaved');
      expect(PayoutRuleSaved.payload.parse(env.payload)).toEqual({ id: r.id, merchantNumber: r.merchantNumber, method: r.method, action: r.action, effectiveFrom: r.effectiveFrom, feeRateBp: r.feeRateBp, payoutDays: r.payoutDays });
    }
  });
});
