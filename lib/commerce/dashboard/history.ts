import { z } from 'zod';
import { db } from '../../platform/db';
import { chooseYear, type HistoryYear } from './history-years';

export const HISTORY_PERIODS = ['day', 'week', 'month'] as const;
export type HistoryPeriod = (typeof HISTORY_PERIODS)[number];
export const historyPeriod = z.enum(HISTORY_PERIODS).catch('week');
export const historyYear = z.coerce.number().int().min(2000).max(2100).optional().catch(undefined);


export interface HistoryRow {
  /** first Korean calendar day of the period, "2025-03-03" (weeks start on Monday) */
  start: string;
  /** the first and last day of the period that have a row (the year's edges cut weeks and months) */
  from: string;
  to: string;
  days: number;
  carts: number;
  lines: number;
  revenue: number;
  newUsers: number;
}

interface Raw {
  start: Date;
  from: Date;
  to: Date;
  days: number;
  carts: bigint;
  lines: bigint;
  revenue: bigint;
  newUsers: bigint;
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** The calendar years CommerceDay has days of (a few hundred rows at most: one per day). */
export async function historyYears(): Promise<HistoryYear[]> {
  return db.$queryRaw<HistoryYear[]>`
    SELECT extract(year FROM day)::int AS year, count(*)::int AS days FROM "CommerceDay" GROUP BY 1 ORDER BY 1`;
}

/**
 * One calendar year from CommerceDay (one row per Korean calendar day, so at most
 * 366 rows), by day, ISO week (from Monday) or month, rolled up in SQL. Without a
 * year: the one chooseYear picks.
 */
export async function getCommerceHistory(period: HistoryPeriod, asked?: number): Promise<HistoryRow[]> {
  const year = asked ?? chooseYear(await historyYears());
  if (year === null) return [];
  const rows = await db.$queryRaw<Raw[]>`
    WITH year AS (
      SELECT * FROM "CommerceDay"
      WHERE day >= make_date(${year}::int, 1, 1) AND day < make_date(${year}::int + 1, 1, 1)
    )
    SELECT date_trunc(${period}::text, day::timestamp)::date AS start,
           min(day) AS "from", max(day) AS "to", count(*)::int AS days, sum(carts)::bigint AS carts, sum(lines)::bigint AS lines,
           sum(revenue)::bigint AS revenue, sum("newUsers")::bigint AS "newUsers"
    FROM year GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({
    start: dayOf(r.start),
    from: dayOf(r.from),
    to: dayOf(r.to),
    days: r.days,
    carts: Number(r.carts),
    lines: Number(r.lines),
    revenue: Number(r.revenue),
    newUsers: Number(r.newUsers),
  }));
}
