/**
 * The desk's days: Korean calendar days ("YYYY-MM-DD"), as the read models key them. A day read from a URL or a form
 * is checked here, so every query gets a real day and a bad one is answered with a reason, never a 500.
 */
import { z } from 'zod';
import { CALENDAR_YEARS, kstDay, type Day } from '../calendar/business-days';

export type { Day };

/** Today in Korea. */
export const todayKst = (now: Date = new Date()): Day => kstDay(now);

/** The day n calendar days after `day` (n may be negative). */
export const plusDays = (day: Day, n: number): Day => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Whether "YYYY-MM-DD" names a real calendar day (not 2026-02-30). */
export function isCalendarDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/** A Korean calendar day inside the years the holiday calendar covers (payout days are computed from it). */
export const day = z.string().trim().refine(isCalendarDay, 'Enter a day as YYYY-MM-DD, e.g. 2026-12-24.')
  .refine((d) => Number(d.slice(0, 4)) >= CALENDAR_YEARS.first && Number(d.slice(0, 4)) <= CALENDAR_YEARS.last,
    `The Korean holiday calendar covers ${CALENDAR_YEARS.first}-${CALENDAR_YEARS.last}; choose a day in those years.`);

/** A day query parameter: absent or empty means today (Korea). */
export const dayParam = (now: Date = new Date()) => z.preprocess((v) => (v === undefined || v === null || v === '' ? todayKst(now) : v), day);

/** What the worker records on a base, in the order the desk lists them. */
export const CLASSIFICATIONS = ['settled', 'duplicate', 'test', 'non-settlement', 'network-cancelled', 'unconfirmed', 'unconfirmed-expired', 'confirmation'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const classificationParam = z.preprocess((v) => (v === '' || v === 'all' ? undefined : v),
  z.enum(CLASSIFICATIONS, { message: `Filter by one of: ${CLASSIFICATIONS.join(', ')} (or all).` }).optional());
