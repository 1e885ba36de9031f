/**
 * Korea's business days for payouts (seed 004: payout on D+N business days, skipping weekends and public holidays).
 * Public holidays come from @hyunbinseo/holidays-kr, which follows the official gazette (월력요항) including lunar
 * holidays, substitute holidays and election days: a calendar is not our business to compute. Its data covers
 * 2018-2027; a date outside it is refused with a clear error rather than silently treated as a working day.
 */
import * as years from '@hyunbinseo/holidays-kr/all';

const HOLIDAYS = new Map<string, readonly string[]>(
  Object.values(years).flatMap((y) => Object.entries(y as Record<string, readonly string[]>)),
);
const YEARS = Object.keys(years).map((k) => Number(k.slice(1))).sort((a, b) => a - b);
export const CALENDAR_YEARS = { first: YEARS[0]!, last: YEARS.at(-1)! };

/** A Korean calendar day, "YYYY-MM-DD". */
export type Day = string;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The Korea-time calendar day of an instant. */
export const kstDay = (at: Date): Day => new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, 10);

function check(day: Day): number {
  if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
    throw new RangeError(`"${day}" is not a calendar day (YYYY-MM-DD)`);
  }
  const year = Number(day.slice(0, 4));
  if (year < CALENDAR_YEARS.first || year > CALENDAR_YEARS.last) {
    throw new RangeError(`no Korean holiday calendar for ${year} (it covers ${CALENDAR_YEARS.first}-${CALENDAR_YEARS.last}); update @hyunbinseo/holidays-kr`);
  }
  return Date.parse(`${day}T00:00:00Z`);
}

/** The public holidays of a day (e.g. ["추석"]), or an empty list. */
export function holidayNames(day: Day): readonly string[] {
  check(day);
  return HOLIDAYS.get(day) ?? [];
}

export function isBusinessDay(day: Day): boolean {
  const t = check(day);
  const weekday = new Date(t).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(day);
}

const plusDays = (day: Day, n: number): Day => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * D+N: the N-th business day after `day` (N = 0: `day` itself if it is a business day, else the next one).
 * A payment approved on a Friday with D+1 is paid on Monday, or later when Monday is a holiday.
 */
export function addBusinessDays(day: Day, n: number): Day {
  const key = `${day}+${n}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const d = computeBusinessDays(day, n);
  if (memo.size > 10_000) memo.clear();
  memo.set(key, d);
  return d;
}

// Every payment of a day asks the same question: the answer is kept (the calendar does not change while we run).
const memo = new Map<string, Day>();

function computeBusinessDays(day: Day, n: number): Day {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`business days must be a whole number from 0, not ${n}`);
  let d = day;
  check(d);
  while (!isBusinessDay(d)) d = plusDays(d, 1);
  for (let left = n; left > 0; ) {
    d = plusDays(d, 1);
    if (isBusinessDay(d)) left--;
  }
  return d;
}
