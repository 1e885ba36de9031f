import type { Grade } from '../catalogue/categories';

/** One grade's bar: both the amount and the number of orders within the window. */
export interface GradeRule {
  grade: Grade;
  minAmount: number;
  minOrders: number;
}

export interface GradeStanding {
  /** KRW spent on orders within the window */
  amount: number;
  orders: number;
}

export type NextGrade =
  | { kind: 'top' }
  /** The window already meets the next grade's bar; the next grade pass promotes. */
  | { kind: 'met'; grade: Grade }
  | { kind: 'gap'; grade: Grade; amountNeeded: number; ordersNeeded: number };

const RANK: Record<Grade, number> = { BRONZE: 0, SILVER: 1, GOLD: 2, VIP: 3 };

/**
 * What it takes to reach the grade above `current`: the amount and the orders
 * still missing within the window (each 0 when already met). `rules` may come
 * in any order; BRONZE needs no rule.
 */
export function nextGrade(current: Grade, standing: GradeStanding, rules: readonly GradeRule[]): NextGrade {
  const next = [...rules].sort((a, b) => RANK[a.grade] - RANK[b.grade]).find((r) => RANK[r.grade] > RANK[current]);
  if (!next) return { kind: 'top' };
  const amountNeeded = Math.max(0, next.minAmount - standing.amount);
  const ordersNeeded = Math.max(0, next.minOrders - standing.orders);
  if (!amountNeeded && !ordersNeeded) return { kind: 'met', grade: next.grade };
  return { kind: 'gap', grade: next.grade, amountNeeded, ordersNeeded };
}

/** "₩320,000 and 2 more orders within 180 days to reach GOLD" (either part left out once met). */
export function describeNextGrade(n: NextGrade, windowDays: number, krw: (n: number) => string): string {
  if (n.kind === 'top') return `VIP is the top grade: it stays while you keep its spending within any ${windowDays} days.`;
  if (n.kind === 'met') return `You meet ${n.grade}'s conditions; the next grade update will move you up.`;
  const parts = [
    n.amountNeeded ? krw(n.amountNeeded) : null,
    n.ordersNeeded ? `${n.ordersNeeded} more order${n.ordersNeeded === 1 ? '' : 's'}` : null,
  ].filter(Boolean);
  return `${parts.join(' and ')} within ${windowDays} days to reach ${n.grade}`;
}
