/** One minute of the live charts (Korean time on the axis, UTC ISO in the data). */
export interface MinutePoint {
  minute: string;
  carts: number;
  lines: number;
  revenue: number;
  newUsers: number;
  /** new users from the window's start up to and including this minute */
  newUsersTotal: number;
}

export interface MinuteRow {
  minute: Date;
  carts: number;
  lines: number;
  revenue: number | bigint;
  newUsers: number;
}

const MINUTE = 60_000;

/** The first minute of a window of `minutes` ending with the current minute. */
export function windowStart(now: Date, minutes: number): Date {
  return new Date(Math.floor(now.getTime() / MINUTE) * MINUTE - (minutes - 1) * MINUTE);
}

/**
 * Per-minute rows (only minutes that had orders exist) as one point per minute
 * of the window, empty minutes as zeros, so a quiet minute shows as a gap in the
 * bars rather than being skipped by the axis.
 */
export function minuteSeries(rows: MinuteRow[], opts: { now: Date; minutes: number }): MinutePoint[] {
  const start = windowStart(opts.now, opts.minutes).getTime();
  const byMinute = new Map(rows.map((r) => [r.minute.getTime(), r]));
  const points: MinutePoint[] = [];
  let newUsersTotal = 0;
  for (let i = 0; i < opts.minutes; i++) {
    const t = start + i * MINUTE;
    const r = byMinute.get(t);
    newUsersTotal += r?.newUsers ?? 0;
    points.push({
      minute: new Date(t).toISOString(),
      carts: r?.carts ?? 0,
      lines: r?.lines ?? 0,
      revenue: Number(r?.revenue ?? 0),
      newUsers: r?.newUsers ?? 0,
      newUsersTotal,
    });
  }
  return points;
}

export interface CategoryShare {
  category: string;
  lines: number;
  quantity: number;
  revenue: number;
  /** this category's lines ÷ all lines of the window */
  share: number;
}

/** Category totals of a window, biggest first (by lines, then revenue, then name, so ties stay put between polls). */
export function categoryMix(rows: { category: string; lines: number; quantity: number; revenue: number | bigint }[]): CategoryShare[] {
  const all = rows.reduce((s, r) => s + r.lines, 0);
  return rows
    .map((r) => ({ category: r.category, lines: r.lines, quantity: r.quantity, revenue: Number(r.revenue), share: all ? r.lines / all : 0 }))
    .sort((a, b) => b.lines - a.lines || b.revenue - a.revenue || a.category.localeCompare(b.category));
}

export interface PaymentAgeRow {
  ageGroup: string;
  Card: number;
  NaverPay: number;
  KakaoPay: number;
  Bank: number;
  total: number;
}

/** (age group, method) cells as one row per age group in the seed's order, every method present. */
export function paymentByAge(
  cells: { ageGroup: string; method: string; carts: number }[],
  ageGroups: readonly string[],
): PaymentAgeRow[] {
  return ageGroups.map((ageGroup) => {
    const row: PaymentAgeRow = { ageGroup, Card: 0, NaverPay: 0, KakaoPay: 0, Bank: 0, total: 0 };
    for (const c of cells) {
      if (c.ageGroup !== ageGroup || !(c.method in row) || c.method === 'total' || c.method === 'ageGroup') continue;
      row[c.method as 'Card' | 'NaverPay' | 'KakaoPay' | 'Bank'] += c.carts;
      row.total += c.carts;
    }
    return row;
  });
}
