/**
 * The checks seed 004's code only named, in its order; the first that applies classifies the payment event, and
 * its classification is recorded on the settlement base:
 *   (a) duplicate: the same payment id and action seen before (safe across crashes: the store's key decides);
 *   (b) test: the payment's test flag, or a test merchant;
 *   (c) non-settlement: a merchant with settlement disabled, or a POINT payment;
 *   (d) settlement target: a network cancellation excludes the approval and its cancel; an unconfirmed approval is
 *       held until its confirmation (then settled) or its expiry (then excluded);
 *   (e) payout rule: the merchant x method x action rule in force on the payment's date (so a replay settles the
 *       same way), else the default rule, flagged;
 *   (f) settled: amount (negative for a cancellation), fee, VAT, payout and payout date.
 */
import { addBusinessDays, kstDay, type Day } from '../calendar/business-days';
import { settleAmount, type FeeTerms } from '../payout/fees';
import type { Payment } from '../../platform/events/settlement';

export interface Merchant { number: string; settlementEnabled: boolean; test: boolean }
export interface PayoutRule extends FeeTerms { id: string; payoutDays: number }

export interface Context {
  /** (a) this payment id and action were seen before */
  seenBefore: boolean;
  /** the merchant, or null when the registry does not know it (settled by the default rule, flagged) */
  merchant: Merchant | null;
  /** (d) the approval this event belongs to was cancelled by the network, or this is that cancellation */
  networkCancelled: boolean;
  /** (d) for an UNCONFIRMED approval: whether its confirmation came, it expired, or it is still open */
  confirmation?: 'confirmed' | 'expired' | 'open';
  /** (e) the rule in force for merchant x method x action on the payment's Korea date, or null */
  rule: PayoutRule | null;
  defaultRule: PayoutRule;
}

export type Classification =
  | { kind: 'duplicate' } | { kind: 'test' } | { kind: 'non-settlement'; why: 'settlement disabled' | 'point' }
  | { kind: 'network-cancelled' } | { kind: 'unconfirmed'; held: true } | { kind: 'unconfirmed-expired' }
  | { kind: 'settled'; ruleId: string; defaultRule: boolean; approvalDay: Day; payoutDay: Day; amount: number; fee: number; vat: number; payout: number };

export function classify(p: Payment, c: Context): Classification {
  if (c.seenBefore) return { kind: 'duplicate' };
  if (p.test || c.merchant?.test) return { kind: 'test' };
  if (c.merchant && !c.merchant.settlementEnabled) return { kind: 'non-settlement', why: 'settlement disabled' };
  if (p.paymentMethodType === 'POINT') return { kind: 'non-settlement', why: 'point' };
  if (p.status === 'NETWORK_CANCELED' || c.networkCancelled) return { kind: 'network-cancelled' };
  if (p.status === 'UNCONFIRMED' && c.confirmation !== 'confirmed') {
    return c.confirmation === 'expired' ? { kind: 'unconfirmed-expired' } : { kind: 'unconfirmed', held: true };
  }
  const rule = c.rule ?? c.defaultRule;
  const approvalDay = kstDay(new Date(p.paymentDate));
  // a cancellation nets against its payment: its amount counts negative
  const signed = p.paymentActionType === 'PAYMENT' ? p.amount : -p.amount;
  return { kind: 'settled', ruleId: rule.id, defaultRule: !c.rule, approvalDay, payoutDay: addBusinessDays(approvalDay, rule.payoutDays), ...settleAmount(signed, rule) };
}
