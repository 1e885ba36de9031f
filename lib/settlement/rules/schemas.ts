/**
 * One schema for a payout rule change, shared by the staff form, its server action and POST /api/settlement/rules.
 *
 * A change takes effect from a Korea day after today: payments up to today are already settled on the rules in force
 * (and a replay of the topic must settle them exactly the same way), so a rule can only reach forward.
 */
import { z } from 'zod';
import { PAYMENT_ACTIONS, PAYMENT_METHODS } from '../../platform/events/settlement';
import { day, plusDays, todayKst, type Day } from '../desk/days';

export const MAX_PAYOUT_DAYS = 60;

/** "2.5" (a percent, up to 2 decimals, 0-100) -> 250 basis points; null when it is not such a percent. */
export function percentToBp(percent: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(percent.trim());
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

/** 250 -> "2.5", 1234 -> "12.34", 300 -> "3" */
export function bpToPercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** Why `effectiveFrom` cannot be chosen on `today` (both Korea days), or null when it can. */
export function effectiveFromProblem(effectiveFrom: Day, today: Day): string | null {
  if (effectiveFrom > today) return null;
  return `Choose ${plusDays(today, 1)} (tomorrow, Korea time) or later: payments up to today are already settled on the rules in force, and a replay must settle them the same way.`;
}

const feeRate = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const s = typeof v === 'number' ? String(v) : v;
  if (s.trim() === '') { ctx.addIssue({ code: 'custom', message: 'Enter the fee rate in percent, e.g. 2.5.' }); return z.NEVER; }
  const bp = percentToBp(s);
  if (bp === null) {
    const n = Number(s);
    ctx.addIssue({ code: 'custom', message: Number.isFinite(n) && n > 100 ? 'At most 100 %.' : 'A percent from 0 to 100 with at most 2 decimals, e.g. 2.5 or 3.25.' });
    return z.NEVER;
  }
  return bp;
});

/** The schema as of a clock (tests pass one; everything else uses the real one). */
export function payoutRuleInputAt(now: () => Date) {
  return z.object({
    merchantNumber: z.string({ message: 'Choose a merchant.' }).trim().regex(/^merchant-\d{4}$/, 'Choose a merchant (merchant-0001).'),
    method: z.enum(PAYMENT_METHODS, { message: 'Choose card, money, pay or point.' }),
    action: z.enum(PAYMENT_ACTIONS, { message: 'Choose payment, cancel, partial cancel or full cancel.' }),
    effectiveFrom: day.superRefine((d, ctx) => {
      const problem = effectiveFromProblem(d, todayKst(now()));
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    /** percent, stored as basis points */
    feeRate,
    payoutDays: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.coerce.number({ message: 'Enter whole business days, 0-60.' }).int('Enter whole business days, 0-60.')
        .min(0, 'At least 0 (paid on the approval day, or the next business day).').max(MAX_PAYOUT_DAYS, `At most ${MAX_PAYOUT_DAYS} business days.`)),
    note: z.string().trim().max(200, 'At most 200 characters.').optional().transform((s) => s || null),
  });
}

export const payoutRuleInput = payoutRuleInputAt(() => new Date());
export type PayoutRuleInput = z.output<typeof payoutRuleInput>;
