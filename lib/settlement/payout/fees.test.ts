import { describe, expect, it } from 'vitest';
import { divRound, settleAmount } from './fees';

describe('settlement money', () => {
  it('takes the fee at the rule rate, VAT at 10 % of the fee, and pays the rest', () => {
    expect(settleAmount(100_000, { feeRateBp: 250 })).toEqual({ amount: 100_000, fee: 2_500, vat: 250, payout: 97_250 });
    expect(settleAmount(12_345, { feeRateBp: 330 })).toEqual({ amount: 12_345, fee: 407, vat: 41, payout: 11_897 }); // 407.385 -> 407; 40.7 -> 41
  });

  it('rounds half away from zero, so a full cancel nets to exactly zero', () => {
    expect(divRound(5n, 10n)).toBe(1n);
    expect(divRound(-5n, 10n)).toBe(-1n);
    expect(divRound(4n, 10n)).toBe(0n);
    for (const amount of [1, 199, 12_345, 999_999, 1_234_567]) {
      const pay = settleAmount(amount, { feeRateBp: 275 });
      const cancel = settleAmount(-amount, { feeRateBp: 275 });
      expect([pay.amount + cancel.amount, pay.fee + cancel.fee, pay.vat + cancel.vat, pay.payout + cancel.payout]).toEqual([0, 0, 0, 0]);
    }
  });

  it('keeps large amounts exact and refuses what is not whole won or a sane rate', () => {
    expect(settleAmount(90_000_000_000_000, { feeRateBp: 9_999 }).fee).toBe(89_991_000_000_000);
    expect(() => settleAmount(10.5, { feeRateBp: 250 })).toThrow(/whole won/);
    expect(() => settleAmount(100, { feeRateBp: 10_001 })).toThrow(/basis points/);
  });
});
