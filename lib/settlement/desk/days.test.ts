import { describe, expect, it } from 'vitest';
import { classificationParam, dayParam, isCalendarDay, plusDays, todayKst } from './days';
import { differingFigures, sumFigures } from './figures';

describe('desk days', () => {
  it('today is the Korea day', () => {
    expect(todayKst(new Date('2026-12-03T14:59:59Z'))).toBe('2026-12-03');
    expect(todayKst(new Date('2026-12-03T15:00:00Z'))).toBe('2026-12-04');
  });

  it('moves across months and years', () => {
    expect(plusDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(plusDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('reads a day parameter: empty is today, a wrong one is refused with a reason', () => {
    const p = dayParam(new Date('2026-12-03T00:00:00Z'));
    expect(p.parse(undefined)).toBe('2026-12-03');
    expect(p.parse('2026-11-30')).toBe('2026-11-30');
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(p.safeParse('2026-02-30').error?.issues[0]?.message).toMatch(/YYYY-MM-DD/);
    expect(p.safeParse('1999-01-01').success).toBe(false);
  });

  it('reads a classification filter; all or nothing means every one', () => {
    expect(classificationParam.parse('settled')).toBe('settled');
    expect(classificationParam.parse('all')).toBeUndefined();
    expect(classificationParam.safeParse('paid').success).toBe(false);
  });
});

describe('figures', () => {
  it('sums and names the figures that differ', () => {
    const a = sumFigures([{ count: 1, amount: 1000, fee: 25, vat: 3, payout: 972 }, { count: 1, amount: -1000, fee: -25, vat: -3, payout: -972 }]);
    expect(a).toEqual({ count: 2, amount: 0, fee: 0, vat: 0, payout: 0 });
    expect(differingFigures(a, { ...a, fee: 1 })).toEqual(['fee']);
    expect(differingFigures(a, a)).toEqual([]);
  });
});
