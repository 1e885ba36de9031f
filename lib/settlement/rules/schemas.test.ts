import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '../../platform/validation';
import { bpToPercent, effectiveFromProblem, payoutRuleInputAt, percentToBp } from './schemas';

describe('fee rate: percent as staff enter it <-> basis points as stored', () => {
  it('reads up to 2 decimals exactly (no floating point on the way)', () => {
    expect(percentToBp('2.5')).toBe(250);
    expect(percentToBp('2.50')).toBe(250);
    expect(percentToBp('0.01')).toBe(1);
    expect(percentToBp('3.25')).toBe(325);
    expect(percentToBp('1.15')).toBe(115); // 1.15 * 100 is 114.99999999999999 in floating point
    expect(percentToBp('0')).toBe(0);
    expect(percentToBp(' 100 ')).toBe(10_000);
  });

  it('refuses more decimals, more than 100 %, signs and words', () => {
    for (const s of ['2.555', '100.01', '120', '-1', '1e2', 'abc', '', '.5', '2.']) expect(percentToBp(s), s).toBeNull();
  });

  it('writes basis points back as the shortest percent', () => {
    expect([250, 1234, 300, 1, 10, 0, 10_000].map(bpToPercent)).toEqual(['2.5', '12.34', '3', '0.01', '0.1', '0', '100']);
    for (let bp = 0; bp <= 10_000; bp += 7) expect(percentToBp(bpToPercent(bp))).toBe(bp);
  });
});

describe('effective date: a Korea day after today', () => {
  it('takes tomorrow and later, refuses today and the past with the reason', () => {
    expect(effectiveFromProblem('2026-12-04', '2026-12-03')).toBeNull();
    expect(effectiveFromProblem('2027-01-01', '2026-12-03')).toBeNull();
    expect(effectiveFromProblem('2026-12-03', '2026-12-03')).toMatch(/2026-12-04 \(tomorrow.*already settled.*replay/);
    expect(effectiveFromProblem('2026-11-30', '2026-12-03')).not.toBeNull();
  });

  // 2026-12-03 15:30 UTC is 2026-12-04 00:30 in Korea: "today" is the Korea day, not the server's
  const atKoreaMidnight = payoutRuleInputAt(() => new Date('2026-12-03T15:30:00Z'));
  const base = { merchantNumber: 'merchant-0001', method: 'CARD', action: 'PAYMENT', feeRate: '2.5', payoutDays: '2' };

  it('counts days in Korea time', () => {
    expect(atKoreaMidnight.safeParse({ ...base, effectiveFrom: '2026-12-04' }).success).toBe(false);
    expect(atKoreaMidnight.parse({ ...base, effectiveFrom: '2026-12-05' })).toMatchObject({ effectiveFrom: '2026-12-05', feeRate: 250, payoutDays: 2, note: null });
  });

  it('names every wrong field, with the form and JSON shapes alike', () => {
    const r = atKoreaMidnight.safeParse({ merchantNumber: 'acme', method: 'CASH', action: 'PAYMENT', effectiveFrom: '2026-02-30', feeRate: '120', payoutDays: '61' });
    expect(r.success).toBe(false);
    const errors = fieldErrorsOf(r.error!);
    expect(Object.keys(errors).sort()).toEqual(['effectiveFrom', 'feeRate', 'merchantNumber', 'method', 'payoutDays']);
    expect(errors.feeRate).toEqual(['At most 100 %.']);
    expect(fieldErrorsOf(atKoreaMidnight.safeParse({ ...base, effectiveFrom: '2026-12-10', payoutDays: '' }).error!).payoutDays).toBeDefined();
    expect(atKoreaMidnight.parse({ ...base, effectiveFrom: '2026-12-10', feeRate: 3.25, payoutDays: 0 })).toMatchObject({ feeRate: 325, payoutDays: 0 });
  });

  it('stays inside the years the holiday calendar covers', () => {
    expect(atKoreaMidnight.safeParse({ ...base, effectiveFrom: '2031-01-02' }).success).toBe(false);
  });
});
