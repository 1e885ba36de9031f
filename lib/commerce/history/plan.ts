import { HOURLY_MULTIPLIER } from '../generator/model/pace';

/**
 * The seed's one-year plan (seed 002, history generator): base carts per month,
 * and the scenario with its weight for weeks 1-4 of each month. Daily carts =
 * base / days in month x week weight x day weight; the day is split over the
 * hours by the hourly multiplier. By this arithmetic 2025 is 68,152 carts
 * (~230,000 lines at 3.37 per cart), not the "50,000 orders" the seed's README
 * claims (the seed notes' ~65,600 averages the week weights instead).
 */
export const MONTHS: readonly { base: number; weeks: readonly [scenario: number, weight: number][] }[] = [
  { base: 3000, weeks: [[13, 0.8], [13, 0.7], [4, 1.2], [4, 1.3]] },
  { base: 3200, weeks: [[4, 0.9], [0, 1.0], [11, 1.1], [11, 1.2]] },
  { base: 3400, weeks: [[11, 1.3], [11, 1.1], [12, 1.0], [5, 1.0]] },
  { base: 3600, weeks: [[10, 1.1], [15, 1.0], [12, 1.2], [10, 1.1]] },
  { base: 3800, weeks: [[9, 1.3], [9, 1.4], [7, 1.1], [10, 1.0]] },
  { base: 4000, weeks: [[5, 1.1], [5, 1.2], [16, 1.1], [16, 1.2]] },
  { base: 4300, weeks: [[5, 1.2], [16, 1.4], [16, 1.5], [5, 1.1]] },
  { base: 4600, weeks: [[16, 1.3], [5, 1.2], [18, 1.4], [11, 1.1]] },
  { base: 4900, weeks: [[4, 1.3], [4, 1.5], [10, 1.1], [15, 1.0]] },
  { base: 5200, weeks: [[10, 1.2], [15, 1.1], [6, 1.0], [6, 1.2]] },
  { base: 5500, weeks: [[6, 1.1], [18, 1.3], [3, 2.0], [3, 1.8]] },
  { base: 6000, weeks: [[6, 1.2], [16, 1.3], [20, 1.4], [8, 1.3]] },
];

/** Day weight by ISO weekday (Mon=1 .. Sun=7): weekends 1.3, Friday 1.15, Monday-Thursday 0.95. */
export function dayWeight(isoWeekday: number): number {
  if (isoWeekday >= 6) return 1.3;
  if (isoWeekday === 5) return 1.15;
  return 0.95;
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
/** ISO weekday (Mon=1..Sun=7) of a calendar date; the date itself, so the time zone does not matter. */
const isoWeekday = (year: number, month: number, day: number) => ((new Date(Date.UTC(year, month, day)).getUTCDay() + 6) % 7) + 1;

/** The seed's week of month: min(4, (day + weekday(first of month) - 1) // 7 + 1), Python's weekday (Mon=0). */
export function weekOfMonth(year: number, month: number, day: number): number {
  const firstWeekday = isoWeekday(year, month, 1) - 1;
  return Math.min(4, Math.floor((day + firstWeekday - 1) / 7) + 1);
}

export interface PlannedDay {
  /** Korea calendar date, YYYY-MM-DD */
  date: string;
  month: number;
  scenarioId: number;
  /** expected carts (fractional; the run rounds per hour) */
  carts: number;
}

export function planYear(year: number): PlannedDay[] {
  const days: PlannedDay[] = [];
  for (let m = 0; m < 12; m++) {
    const plan = MONTHS[m]!;
    const n = daysInMonth(year, m);
    for (let d = 1; d <= n; d++) {
      const [scenarioId, weekWeight] = plan.weeks[weekOfMonth(year, m, d) - 1]!;
      const carts = (plan.base / n) * weekWeight * dayWeight(isoWeekday(year, m, d));
      days.push({ date: `${year}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`, month: m + 1, scenarioId, carts });
    }
  }
  return days;
}

const HOUR_SUM = HOURLY_MULTIPLIER.reduce((s, x) => s + x, 0);

/** Expected carts of each Korea-time hour of a day. */
export const hourlySplit = (carts: number): number[] => HOURLY_MULTIPLIER.map((x) => (carts * x) / HOUR_SUM);

/** The UTC instant of a Korea-time wall clock (Korea is UTC+9 all year). */
export const koreaTime = (date: string, hour: number, ms = 0) => new Date(Date.parse(`${date}T00:00:00+09:00`) + hour * 3_600_000 + ms);
