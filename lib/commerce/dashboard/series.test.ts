import { describe, expect, it } from 'vitest';
import { AGE_GROUPS } from '../catalogue/categories';
import { countdown, formatCount, formatKrw, formatRate, formatShare } from './format';
import { chooseYear } from './history-years';
import { categoryMix, minuteSeries, paymentByAge } from './series';

const at = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00.000Z`);

describe('minuteSeries', () => {
  it('gives one point per minute of the window, zeros for quiet minutes, and a running total of new users', () => {
    const points = minuteSeries(
      [
        { minute: at('10:01'), carts: 3, lines: 9, revenue: 120_000n, newUsers: 2 },
        { minute: at('10:03'), carts: 1, lines: 2, revenue: 5_000n, newUsers: 1 },
        { minute: at('09:00'), carts: 99, lines: 99, revenue: 99n, newUsers: 99 }, // before the window: ignored
      ],
      { now: new Date('2026-12-02T10:03:40Z'), minutes: 4 },
    );
    expect(points.map((p) => [p.minute.slice(11, 16), p.carts, p.revenue, p.newUsers, p.newUsersTotal])).toEqual([
      ['10:00', 0, 0, 0, 0],
      ['10:01', 3, 120_000, 2, 2],
      ['10:02', 0, 0, 0, 2],
      ['10:03', 1, 5_000, 1, 3],
    ]);
  });
});

describe('categoryMix', () => {
  it('orders categories by lines and gives each its share', () => {
    const mix = categoryMix([
      { category: '신선(과일/채소)', lines: 10, quantity: 15, revenue: 300_000n },
      { category: 'IT/게이밍', lines: 30, quantity: 31, revenue: 9_000_000n },
      { category: '골프', lines: 10, quantity: 10, revenue: 900_000n },
    ]);
    expect(mix.map((m) => [m.category, m.share])).toEqual([
      ['IT/게이밍', 0.6],
      ['골프', 0.2],
      ['신선(과일/채소)', 0.2],
    ]);
    expect(categoryMix([])).toEqual([]);
  });
});

describe('paymentByAge', () => {
  it('has a row for every age group in order and every method, missing cells as 0', () => {
    const rows = paymentByAge(
      [
        { ageGroup: '20대', method: 'Card', carts: 4 },
        { ageGroup: '20대', method: 'KakaoPay', carts: 1 },
        { ageGroup: '50대이상', method: 'Bank', carts: 2 },
      ],
      AGE_GROUPS,
    );
    expect(rows.map((r) => r.ageGroup)).toEqual(['10대', '20대', '30대', '40대', '50대이상']);
    expect(rows[1]).toEqual({ ageGroup: '20대', Card: 4, NaverPay: 0, KakaoPay: 1, Bank: 0, total: 5 });
    expect(rows[4]).toMatchObject({ Bank: 2, total: 2 });
  });
});

describe('formatting', () => {
  it('writes won with thousands separators', () => {
    expect(formatKrw(1_234_000)).toBe('₩1,234,000');
    expect(formatKrw(0)).toBe('₩0');
    expect(formatKrw(12_345_678_901_234n)).toBe('₩12,345,678,901,234');
    expect(formatKrw(-500)).toBe('-₩500');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatShare(0.3456)).toBe('34.6%');
  });

  it('names the pace', () => {
    expect(formatRate(null)).toMatch(/^Seed pace/);
    expect(formatRate(12.5)).toBe('12.5 carts/s');
  });

  it('counts down to the end of a manual scenario', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    expect(countdown('2026-12-02T10:02:05Z', now)).toBe('2:05');
    expect(countdown('2026-12-02T11:00:09.2Z', now)).toBe('1:00:10');
    expect(countdown('2026-12-02T09:59:00Z', now)).toBe('0:00');
    expect(countdown(null, now)).toBeNull();
  });
});

describe('chooseYear', () => {
  it('takes the year asked for if it has days, else the fullest (the generated year, not today)', () => {
    const years = [{ year: 2025, days: 365 }, { year: 2026, days: 1 }];
    expect(chooseYear(years)).toBe(2025);
    expect(chooseYear(years, 2026)).toBe(2026);
    expect(chooseYear(years, 1999)).toBe(2025);
    expect(chooseYear([])).toBeNull();
  });
});
