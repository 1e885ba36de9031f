import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { PAYMENT_ACTIONS, PayoutRuleSaved, type PaymentMethod, type PayoutRuleRecord } from '../../lib/platform/events/settlement';
import { recordEvents } from '../../lib/platform/outbox/record-event';
import { BRAND_MERCHANTS, merchantOfBrand, SHOP_MERCHANT, SHOP_MERCHANTS, type ShopMerchant } from '../../lib/settlement/merchants/shop-merchants';

/** The default terms per method (seed 004's examples); POINT has none: point payments are not settled. */
const TERMS: Record<Exclude<PaymentMethod, 'POINT'>, { feeRateBp: number; payoutDays: number }> = {
  CARD: { feeRateBp: 250, payoutDays: 2 },
  PAY: { feeRateBp: 200, payoutDays: 1 },
  MONEY: { feeRateBp: 150, payoutDays: 1 },
};

// Three busy brands get no rule at all, so their payments settle by the worker's default rule, flagged: 다우니
// (세제/위생), 하림 (육류/가공) and 이니스프리 (스킨케어), the most often bought categories that have brands.
export const BRANDS_WITHOUT_RULES = ['다우니', '하림', '이니스프리'] as const;

const EFFECTIVE_FROM = '2020-01-01';

/** The default payout rules: every brand merchant but three, and the shop itself, x CARD/PAY/MONEY x every action. */
export function defaultPayoutRules(): PayoutRuleRecord[] {
  const without = new Set<string>(BRANDS_WITHOUT_RULES.map((b) => merchantOfBrand(b)));
  const merchants = [SHOP_MERCHANT, ...BRAND_MERCHANTS.map((m) => m.number).filter((n) => !without.has(n))];
  return merchants.flatMap((merchantNumber) =>
    Object.entries(TERMS).flatMap(([method, terms]) =>
      PAYMENT_ACTIONS.map((action) => ({ id: randomUUID(), merchantNumber, method: method as PaymentMethod, action, effectiveFrom: EFFECTIVE_FROM, ...terms }))));
}

/**
 * The shop's merchants (lib/settlement/merchants/shop-merchants.ts), only the missing ones, so flags staff changed
 * stay; and, when there is no payout rule at all, the default rules, each published as PayoutRuleSaved through the
 * outbox (the relay puts them on `payout-rules`, which every settlement worker loads). All rules and their events
 * are one transaction (a statement for the rules, one for their outbox rows): all or nothing, so "no rule yet" stays the right test.
 */
export default async function seed(db: PrismaClient): Promise<string> {
  // Raw arrays rather than createMany, which costs about a millisecond a row here (1,300 rows: over a second).
  const m = <K extends keyof ShopMerchant>(k: K) => SHOP_MERCHANTS.map((x) => x[k]);
  const merchants = await db.$executeRaw`INSERT INTO "Merchant" (number, name, "settlementEnabled", test, "updatedAt")
    SELECT r.*, now() FROM unnest(${m('number')}::text[], ${m('name')}::text[], ${m('settlementEnabled')}::bool[], ${m('test')}::bool[]) AS r
    ON CONFLICT (number) DO NOTHING`;
  let rules = 0;
  if ((await db.payoutRule.count()) === 0) {
    const all = defaultPayoutRules();
    await db.$transaction(async (tx) => {
      // two seeds at once (npm start and npm run db:seed): the second waits here, then sees the first one's rules
      await tx.$executeRaw`LOCK TABLE "PayoutRule" IN SHARE ROW EXCLUSIVE MODE`;
      if ((await tx.payoutRule.count()) > 0) return;
      const col = <K extends keyof PayoutRuleRecord>(k: K) => all.map((r) => r[k]);
      await tx.$executeRaw`INSERT INTO "PayoutRule" (id, "merchantNumber", method, action, "effectiveFrom", "feeRateBp", "payoutDays", note, "createdBy")
        SELECT r.*, '기본 지급 규칙 (seed)', 'seed' FROM unnest(${col('id')}::uuid[], ${col('merchantNumber')}::text[], ${col('method')}::text[], ${col('action')}::text[],
          ${col('effectiveFrom')}::text[], ${col('feeRateBp')}::int[], ${col('payoutDays')}::int[]) AS r`;
      await recordEvents(tx, PayoutRuleSaved, all, { correlationId: randomUUID() });
      rules = all.length;
    }, { timeout: 30_000 });
  }
  return `${SHOP_MERCHANTS.length} merchants (${merchants} new), ${rules} default payout rules`;
}
