import { describe, expect, it } from 'vitest';
import { gradeReason, qualifyingGrade, targetGrade, windowLabel, windowOf } from './rules';

describe('qualifyingGrade', () => {
  it('needs both the amount and the order count', () => {
    expect(qualifyingGrade(30, 5_000_000)).toBe('VIP');
    expect(qualifyingGrade(29, 9_000_000)).toBe('GOLD');
    expect(qualifyingGrade(100, 4_999_999)).toBe('GOLD');
    expect(qualifyingGrade(15, 2_000_000)).toBe('GOLD');
    expect(qualifyingGrade(14, 2_000_000)).toBe('SILVER');
    expect(qualifyingGrade(5, 500_000)).toBe('SILVER');
    expect(qualifyingGrade(4, 10_000_000)).toBe('BRONZE');
    expect(qualifyingGrade(50, 499_999)).toBe('BRONZE');
    expect(qualifyingGrade(0, 0)).toBe('BRONZE');
  });
});

describe('targetGrade', () => {
  it('promotes immediately, any number of steps', () => {
    expect(targetGrade('BRONZE', 31, 5_120_000)).toBe('VIP');
    expect(targetGrade('SILVER', 16, 2_500_000)).toBe('GOLD');
  });
  it('demotes one step per run', () => {
    expect(targetGrade('VIP', 0, 0)).toBe('GOLD');
    expect(targetGrade('GOLD', 0, 0)).toBe('SILVER');
    expect(targetGrade('SILVER', 0, 0)).toBe('BRONZE');
    expect(targetGrade('VIP', 20, 3_000_000)).toBe('GOLD');
  });
  it('keeps a grade the figures still earn, and BRONZE stays BRONZE', () => {
    expect(targetGrade('GOLD', 15, 2_000_000)).toBe('GOLD');
    expect(targetGrade('BRONZE', 0, 0)).toBe('BRONZE');
  });
  it('reaches a fixed point: a second run on the same figures changes nothing once demotion has settled', () => {
    let g = targetGrade('VIP', 6, 600_000);
    const seen = [g];
    for (let i = 0; i < 4; i++) seen.push((g = targetGrade(g, 6, 600_000)));
    expect(seen).toEqual(['GOLD', 'SILVER', 'SILVER', 'SILVER', 'SILVER']);
  });
});

describe('window and reason', () => {
  const asOf = new Date('2025-12-31T15:00:00Z');
  it('is the 180 days before the reference time', () => {
    expect(windowOf(asOf).from.toISOString()).toBe('2025-07-04T15:00:00.000Z');
    expect(windowLabel(asOf)).toBe('180 days to 2026-01-01 00:00 KST');
  });
  it('says the figures, the grade earned and whether demotion stopped short', () => {
    expect(gradeReason({ asOf, orders: 31, amount: 5_120_000, to: 'VIP' })).toBe('180 days to 2026-01-01 00:00 KST: 31 orders, ₩5,120,000 → VIP');
    expect(gradeReason({ asOf, orders: 0, amount: 0, to: 'GOLD', note: 'history' })).toBe(
      '180 days to 2026-01-01 00:00 KST: 0 orders, ₩0 → BRONZE; demoted one step per run, to GOLD; history',
    );
  });
});
