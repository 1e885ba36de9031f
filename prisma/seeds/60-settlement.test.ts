import { describe, expect, it } from 'vitest';
import { PAYMENT_ACTIONS, payoutRuleRecord, ruleKey } from '../../lib/platform/events/settlement';
import { BRAND_MERCHANTS, merchantOfBrand, SHOP_MERCHANT } from '../../lib/settlement/merchants/shop-merchants';
import { BRANDS_WITHOUT_RULES, defaultPayoutRules } from './60-settlement';

describe('the default payout rules', () => {
  const rules = defaultPayoutRules();

  it('cover the shop and every brand merchant but three, CARD/PAY/MONEY x every action, from 2020-01-01', () => {
    const without = BRANDS_WITHOUT_RULES.map(merchantOfBrand);
    expect(without).toHaveLength(3);
    expect(without).not.toContain(SHOP_MERCHANT);
    const merchants = new Set(rules.map((r) => r.merchantNumber));
    expect(merchants).toEqual(new Set([SHOP_MERCHANT, ...BRAND_MERCHANTS.map((m) => m.number).filter((n) => !without.includes(n))]));
    expect(rules).toHaveLength(merchants.size * 3 * PAYMENT_ACTIONS.length);
    expect(new Set(rules.map(ruleKey)).size).toBe(rules.length);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      payoutRuleRecord.parse(r);
      expect(r.effectiveFrom).toBe('2020-01-01');
      expect([r.method, r.feeRateBp, r.payoutDays]).toEqual(
        r.method === 'CARD' ? ['CARD', 250, 2] : r.method === 'PAY' ? ['PAY', 200, 1] : ['MONEY', 150, 1]);
    }
  });
});
