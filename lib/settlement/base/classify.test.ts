import { describe, expect, it } from 'vitest';
import { paymentData } from '../../platform/events/settlement';
import { classify, type Context } from './classify';

const payment = paymentData.parse({
  paymentId: 'PAY-1', merchantNumber: 'M-0001', amount: 100_000, paymentDate: '2026-12-04T15:00:00+09:00',
  paymentActionType: 'PAYMENT', paymentMethodType: 'CARD', test: false, status: 'APPROVED',
});
const rule = { id: 'R-card', feeRateBp: 250, payoutDays: 2 };
const base: Context = {
  seenBefore: false, merchant: { number: 'M-0001', settlementEnabled: true, test: false }, networkCancelled: false,
  rule, defaultRule: { id: 'R-default', feeRateBp: 300, payoutDays: 3 },
};

describe('settlement classification, in the seed order', () => {
  it('(a) a payment id and action seen before is a duplicate, before anything else', () => {
    expect(classify({ ...payment, test: true }, { ...base, seenBefore: true })).toEqual({ kind: 'duplicate' });
  });

  it('(b) the test flag or a test merchant is a test', () => {
    expect(classify({ ...payment, test: true }, base).kind).toBe('test');
    expect(classify(payment, { ...base, merchant: { ...base.merchant!, test: true } }).kind).toBe('test');
  });

  it('(c) a merchant with settlement disabled, or a POINT payment, is not settled', () => {
    expect(classify(payment, { ...base, merchant: { ...base.merchant!, settlementEnabled: false } })).toEqual({ kind: 'non-settlement', why: 'settlement disabled' });
    expect(classify({ ...payment, paymentMethodType: 'POINT' }, base)).toEqual({ kind: 'non-settlement', why: 'point' });
  });

  it('(d) a network cancellation excludes the approval and its cancel; an unconfirmed approval waits, then settles or is excluded', () => {
    expect(classify({ ...payment, status: 'NETWORK_CANCELED' }, base).kind).toBe('network-cancelled');
    expect(classify(payment, { ...base, networkCancelled: true }).kind).toBe('network-cancelled');
    expect(classify({ ...payment, status: 'UNCONFIRMED' }, { ...base, confirmation: 'open' })).toEqual({ kind: 'unconfirmed', held: true });
    expect(classify({ ...payment, status: 'UNCONFIRMED' }, { ...base, confirmation: 'expired' }).kind).toBe('unconfirmed-expired');
    expect(classify({ ...payment, status: 'UNCONFIRMED' }, { ...base, confirmation: 'confirmed' }).kind).toBe('settled');
  });

  it('(e, f) the rule in force settles it, D+N business days from the Korea-time approval date', () => {
    // approved Friday 2026-12-04 15:00 KST; D+2 skips the weekend
    expect(classify(payment, base)).toEqual({ kind: 'settled', ruleId: 'R-card', defaultRule: false, approvalDay: '2026-12-04', payoutDay: '2026-12-08', amount: 100_000, fee: 2_500, vat: 250, payout: 97_250 });
    const late = classify({ ...payment, paymentDate: '2026-12-03T15:30:00Z' }, base); // 00:30 KST on the 4th
    expect(late.kind === 'settled' && late.approvalDay).toBe('2026-12-04');
  });

  it('(e) no rule: the default rule, flagged on the base; a cancellation nets negative against its payment', () => {
    const settled = classify({ ...payment, paymentActionType: 'PARTIAL_CANCEL', amount: 30_000, originalPaymentId: 'PAY-0' }, { ...base, rule: null });
    expect(settled).toMatchObject({ kind: 'settled', ruleId: 'R-default', defaultRule: true, amount: -30_000, fee: -900, vat: -90, payout: -29_010 });
  });

  it('refuses a cancellation that does not name its payment', () => {
    expect(paymentData.safeParse({ ...payment, paymentActionType: 'CANCEL' }).success).toBe(false);
  });
});
