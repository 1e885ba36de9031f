import { GRADES, type Grade } from '../catalogue/categories';

/**
 * The grade rule of seed 002, as data: the SQL pass (run-grade-pass.ts) and the
 * pure `targetGrade` below are both built from these rows, so they cannot drift.
 * A grade needs BOTH its amount and its order count within the window; orders
 * are checked-out carts (ShopOrder rows), not order lines.
 */
export const GRADE_THRESHOLDS: readonly { grade: Exclude<Grade, 'BRONZE'>; minAmount: number; minOrders: number }[] = [
  { grade: 'VIP', minAmount: 5_000_000, minOrders: 30 },
  { grade: 'GOLD', minAmount: 2_000_000, minOrders: 15 },
  { grade: 'SILVER', minAmount: 500_000, minOrders: 5 },
];

/** The window is the WINDOW_DAYS before the reference time: [asOf - 180 days, asOf). */
export const WINDOW_DAYS = 180;
const DAY_MS = 24 * 3600_000;

export const rankOf = (g: Grade): number => GRADES.indexOf(g);

/** The grade the figures qualify for, ignoring the current grade. */
export function qualifyingGrade(orders: number, amount: number): Grade {
  return GRADE_THRESHOLDS.find((t) => amount >= t.minAmount && orders >= t.minOrders)?.grade ?? 'BRONZE';
}

/** The grade after one pass: promotion immediate (any number of steps), demotion one step per pass. */
export function targetGrade(current: Grade, orders: number, amount: number): Grade {
  const qualified = rankOf(qualifyingGrade(orders, amount));
  const now = rankOf(current);
  return GRADES[qualified >= now ? qualified : now - 1]!;
}

export function windowOf(asOf: Date): { from: Date; to: Date } {
  return { from: new Date(asOf.getTime() - WINDOW_DAYS * DAY_MS), to: asOf };
}

/** "180 days to 2026-12-02 16:30 KST": the shop is Korean, so its staff read Korean time. */
export function windowLabel(asOf: Date): string {
  const kst = new Date(asOf.getTime() + 9 * 3600_000).toISOString();
  return `${WINDOW_DAYS} days to ${kst.slice(0, 10)} ${kst.slice(11, 16)} KST`;
}

/** ₩5,120,000 */
export const formatWon = (amount: number | bigint): string => `₩${BigInt(amount).toLocaleString('en-US')}`;

/**
 * Why a grade changed, as GradeChange.reason and the event's reason. The SQL pass
 * writes the same text (the integration test compares the two).
 * "180 days to 2026-12-02 16:30 KST: 31 orders, ₩5,120,000 → VIP"
 * "180 days to 2026-12-02 16:30 KST: 0 orders, ₩0 → BRONZE; demoted one step per run, to GOLD"
 */
export function gradeReason(o: { asOf: Date; orders: number; amount: number | bigint; to: Grade; note?: string }): string {
  const qualified = qualifyingGrade(o.orders, Number(o.amount));
  let text = `${windowLabel(o.asOf)}: ${o.orders} orders, ${formatWon(o.amount)} → ${qualified}`;
  if (qualified !== o.to) text += `; demoted one step per run, to ${o.to}`;
  return o.note ? `${text}; ${o.note}` : text;
}
