import { z } from 'zod';
import { db } from '../../platform/db';

export const HISTORY_PERIODS = ['day', 'week', 'month'] as const;
export type HistoryPeriod = (typeof HISTORY_PERIODS)[number];
export const historyPeriod = z.enum(HISTORY_PERIODS).catch('week');

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

/**
 * The generated year from CommerceDay (one row per Korean calendar day, so at most
 * 366 rows: the year up to its last day), by day, ISO week or month, rolled up in SQL.
 */
export async function getCommerceHistory(period: HistoryPeriod): Promise<HistoryRow[]> {
  const rows = await db.$queryRaw<Raw[]>`
    WITH year AS (
      SELECT * FROM "CommerceDay"
      WHERE day > (SELECT max(day) FROM "CommerceDay") - 366
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
