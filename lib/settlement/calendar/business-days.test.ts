import { describe, expect, it } from 'vitest';
import { addBusinessDays, holidayNames, isBusinessDay, kstDay } from './business-days';

describe('Korean business days', () => {
  it('knows weekends and public holidays, lunar and substitute ones included', () => {
    expect(isBusinessDay('2026-12-03')).toBe(true); // a Thursday
    expect(isBusinessDay('2026-12-05')).toBe(false); // Saturday
    expect(isBusinessDay('2026-12-25')).toBe(false); // 기독탄신일
    expect(holidayNames('2025-10-06')).toContain('추석');
    expect(isBusinessDay('2025-10-08')).toBe(false); // 대체공휴일(추석)
    expect(holidayNames('2026-02-17')).toContain('설날');
  });

  it('counts D+N over weekends and holidays', () => {
    expect(addBusinessDays('2026-12-03', 1)).toBe('2026-12-04'); // Thu -> Fri
    expect(addBusinessDays('2026-12-04', 1)).toBe('2026-12-07'); // Fri -> Mon
    expect(addBusinessDays('2026-12-24', 1)).toBe('2026-12-28'); // Thu; Fri the 25th is a holiday, then the weekend
    expect(addBusinessDays('2025-10-02', 1)).toBe('2025-10-10'); // 개천절, the weekend, 추석 and its substitute, 한글날
    expect(addBusinessDays('2026-12-05', 0)).toBe('2026-12-07'); // D+0 on a Saturday: the next business day
    expect(addBusinessDays('2026-12-03', 0)).toBe('2026-12-03');
  });

  it('takes the day in Korea time, and refuses days it cannot know', () => {
    expect(kstDay(new Date('2026-12-03T15:30:00Z'))).toBe('2026-12-04'); // 00:30 KST
    expect(() => isBusinessDay('2026-02-30')).toThrow(/not a calendar day/);
    expect(() => addBusinessDays('2031-01-02', 1)).toThrow(/no Korean holiday calendar for 2031/);
    expect(() => addBusinessDays('2026-12-03', -1)).toThrow(/whole number/);
  });
});
