import { db } from '../../platform/db';
import { PAYMENT_ACTIONS, PAYMENT_METHODS } from '../../platform/events/settlement';
import { kstIso } from '../../platform/time/kst';
import type { PayoutRule } from '../../generated/prisma/client';
import { todayKst, type Day } from '../desk/days';
import { ruleStates, type RuleState } from './rule-states';
import { bpToPercent } from './schemas';

export interface RuleView {
  id: string; merchantNumber: string; method: string; action: string; effectiveFrom: Day;
  feeRateBp: number;
  /** the fee rate as staff enter it, "2.5" (%) */
  feeRate: string;
  payoutDays: number; note: string | null; createdBy: string | null; createdAt: string;
  state: RuleState;
}

export const toRuleView = (r: PayoutRule, today: Day, state?: RuleState): RuleView => ({
  id: r.id, merchantNumber: r.merchantNumber, method: r.method, action: r.action, effectiveFrom: r.effectiveFrom,
  feeRateBp: r.feeRateBp, feeRate: bpToPercent(r.feeRateBp), payoutDays: r.payoutDays, note: r.note, createdBy: r.createdBy,
  createdAt: kstIso(r.createdAt), state: state ?? (r.effectiveFrom > today ? 'scheduled' : 'in force'),
});

export interface MerchantRules { merchantNumber: string; name: string | null; rules: RuleView[] }

const order = (list: readonly string[], v: string) => (list.indexOf(v) + 1 || 99);

/**
 * The payout rules per merchant (all of them, or one merchant's), each with its state today: by method, action,
 * then newest day first. The rules are few (merchants x 16 keys x their changes), so they are read whole.
 */
export async function listRules({ merchantNumber, today = todayKst() }: { merchantNumber?: string; today?: Day } = {}): Promise<MerchantRules[]> {
  const [rules, merchants] = await Promise.all([
    db.payoutRule.findMany({ where: merchantNumber ? { merchantNumber } : {}, orderBy: [{ merchantNumber: 'asc' }, { effectiveFrom: 'desc' }] }),
    db.merchant.findMany({ where: merchantNumber ? { number: merchantNumber } : {}, select: { number: true, name: true } }),
  ]);
  const states = ruleStates(rules, today);
  const names = new Map(merchants.map((m) => [m.number, m.name]));
  const by = new Map<string, RuleView[]>();
  for (const r of rules) by.set(r.merchantNumber, [...(by.get(r.merchantNumber) ?? []), toRuleView(r, today, states.get(r.id))]);
  return [...by].map(([number, list]) => ({
    merchantNumber: number, name: names.get(number) ?? null,
    rules: list.sort((a, b) => order(PAYMENT_METHODS, a.method) - order(PAYMENT_METHODS, b.method) || order(PAYMENT_ACTIONS, a.action) - order(PAYMENT_ACTIONS, b.action)
      || (a.effectiveFrom < b.effectiveFrom ? 1 : -1)),
  }));
}
