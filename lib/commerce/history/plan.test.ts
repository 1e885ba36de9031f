import { describe, expect, it } from 'vitest';
import { dayWeight, hourlySplit, koreaTime, planYear, weekOfMonth } from './plan';

describe('the one-year plan', () => {
  it('adds up to about 68,000 carts for 2025, not the seed README\'s 50,000', () => {
    // Exact arithmetic of the rule gives 68,152 for 2025 (week 4 holds the 22nd to the month's end, so its weight
    // counts for 7-10 days); a rough average of the weights gives the ~65,600 quoted in the seed notes.
    const total = planYear(2025).reduce((s, d) => s + d.carts, 0);
    expect(Math.round(total)).toBe(68_152);
  });

  it('uses the seed\'s week of month and day weights', () => {
    // 2025-01-01 is a Wednesday (Python weekday 2): days 1-5 are week 1, the 6th starts week 2
    expect(weekOfMonth(2025, 0, 5)).toBe(1);
    expect(weekOfMonth(2025, 0, 6)).toBe(2);
    expect(weekOfMonth(2025, 0, 31)).toBe(4); // capped at 4
    expect([1, 2, 3, 4, 5, 6, 7].map(dayWeight)).toEqual([0.95, 0.95, 0.95, 0.95, 1.15, 1.3, 1.3]);
    const nov = planYear(2025).filter((d) => d.month === 11);
    expect(new Set(nov.map((d) => d.scenarioId))).toEqual(new Set([6, 18, 3])); // 블랙프라이데이 in weeks 3-4
  });

  it('splits a day over the hours by the hourly multiplier, busiest at 20:00', () => {
    const h = hourlySplit(1000);
    expect(h.reduce((s, x) => s + x, 0)).toBeCloseTo(1000, 6);
    expect(h.indexOf(Math.max(...h))).toBe(20);
    expect(koreaTime('2025-01-01', 20).toISOString()).toBe('2025-01-01T11:00:00.000Z');
  });
});
