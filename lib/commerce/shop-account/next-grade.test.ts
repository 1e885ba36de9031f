import { describe, expect, it } from 'vitest';
import { formatKrw } from '../dashboard/format';
import { describeNextGrade, nextGrade, type GradeRule } from './next-grade';

const RULES: GradeRule[] = [
  { grade: 'VIP', minAmount: 5_000_000, minOrders: 30 },
  { grade: 'GOLD', minAmount: 2_000_000, minOrders: 15 },
  { grade: 'SILVER', minAmount: 500_000, minOrders: 5 },
];
const say = (n: ReturnType<typeof nextGrade>) => describeNextGrade(n, 180, formatKrw);

describe('nextGrade', () => {
  it('names what is missing for the grade above, both conditions', () => {
    const n = nextGrade('SILVER', { amount: 1_680_000, orders: 13 }, RULES);
    expect(n).toEqual({ kind: 'gap', grade: 'GOLD', amountNeeded: 320_000, ordersNeeded: 2 });
    expect(say(n)).toBe('₩320,000 and 2 more orders within 180 days to reach GOLD');
  });

  it('leaves out a condition already met', () => {
    expect(say(nextGrade('BRONZE', { amount: 900_000, orders: 4 }, RULES))).toBe('1 more order within 180 days to reach SILVER');
    expect(say(nextGrade('GOLD', { amount: 1_000_000, orders: 40 }, RULES))).toBe('₩4,000,000 within 180 days to reach VIP');
  });

  it('says when the bar is met but the grade pass has not run yet, and when there is nothing above', () => {
    expect(nextGrade('BRONZE', { amount: 600_000, orders: 5 }, RULES)).toEqual({ kind: 'met', grade: 'SILVER' });
    expect(nextGrade('VIP', { amount: 0, orders: 0 }, RULES)).toEqual({ kind: 'top' });
    expect(say({ kind: 'top' })).toMatch(/^VIP is the top grade/);
  });
});
