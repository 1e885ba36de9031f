import { describe, expect, it } from 'vitest';
import { RuleBook, type DatedRule } from './rules';

const rule = (id: string, effectiveFrom: string, feeRateBp: number, over: Partial<DatedRule> = {}): DatedRule =>
  ({ id, merchantNumber: 'M-0001', method: 'CARD', action: 'PAYMENT', effectiveFrom, feeRateBp, payoutDays: 2, ...over });

describe('effective-dated payout rules', () => {
  const book = new RuleBook([rule('R2', '2026-12-01', 200), rule('R1', '2026-01-01', 250), rule('R3', '2027-01-01', 180), rule('P1', '2026-01-01', 100, { method: 'PAY' })]);

  it('gives the rule in force on the payment day: a change applies from its date, earlier payments keep the old rule', () => {
    expect(book.ruleFor('M-0001', 'CARD', 'PAYMENT', '2026-11-30')?.id).toBe('R1');
    expect(book.ruleFor('M-0001', 'CARD', 'PAYMENT', '2026-12-01')?.id).toBe('R2');
    expect(book.ruleFor('M-0001', 'CARD', 'PAYMENT', '2026-12-31')?.id).toBe('R2');
    expect(book.ruleFor('M-0001', 'CARD', 'PAYMENT', '2027-01-01')?.id).toBe('R3');
  });

  it('keys by merchant, method and action, and has nothing before the first rule or for another key', () => {
    expect(book.ruleFor('M-0001', 'PAY', 'PAYMENT', '2026-06-01')?.id).toBe('P1');
    expect(book.ruleFor('M-0001', 'CARD', 'PAYMENT', '2025-12-31')).toBeNull();
    expect(book.ruleFor('M-0002', 'CARD', 'PAYMENT', '2026-06-01')).toBeNull();
    expect(book.ruleFor('M-0001', 'CARD', 'CANCEL', '2026-06-01')).toBeNull();
  });
});
