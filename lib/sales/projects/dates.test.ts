import { describe, expect, it } from 'vitest';
import { addYears, fromDay, toDay, todayInKorea } from './dates';

describe('project dates', () => {
  it('round-trips a calendar day through the database representation', () => {
    expect(fromDay('2026-03-02')?.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(toDay(fromDay('2026-03-02'))).toBe('2026-03-02');
    expect(toDay(null)).toBeNull();
    expect(fromDay(null)).toBeNull();
  });

  it('adds years, clamping 29 February to 28 February in a common year', () => {
    expect(addYears('2026-03-02', 1)).toBe('2027-03-02');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2027-02-28', 1)).toBe('2028-02-28');
    expect(addYears('2026-12-31', 1)).toBe('2027-12-31');
  });

  it('takes today in Korea, which is already tomorrow for a UTC server late in the evening', () => {
    expect(todayInKorea(new Date('2026-11-21T14:59:59Z'))).toBe('2026-11-21');
    expect(todayInKorea(new Date('2026-11-21T15:00:00Z'))).toBe('2026-11-22');
  });
});
