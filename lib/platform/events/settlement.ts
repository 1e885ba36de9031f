/**
 * Settlement records (seed 004), defined once for the generator, the ingest paths, the worker and the tests.
 *
 *   payment             seed 004's envelope, key: merchant number
 *                       { channel: "ONLINE" | "OFFLINE", action: "PAYMENT" | "FINISH", data }
 *                       data { paymentId, merchantNumber, amount, paymentDate, paymentActionType, paymentMethodType,
 *                              originalPaymentId?, test, status } for a payment event; null for a FINISH marker,
 *                       which closes a batch and is sent to every partition.
 *   payout-rules        PayoutRuleSaved envelopes (catalog-style, through the outbox), compacted by rule key.
 *   payment-statistics  the running totals of one approval day x merchant x action x method, with a version that
 *                       grows with each change (a reader keeps the highest); compacted by that key.
 *
 * A payment event is identified by (paymentId, paymentActionType, status): a confirmation of an UNCONFIRMED
 * approval is the same payment and action sent again with status CONFIRMED, so the status is part of the key; the
 * same triple twice is a duplicate. Amounts are whole won, positive on the wire; a cancellation's amount is the
 * part it cancels.
 */
import { z } from 'zod';
import { defineEvent } from './envelope';
import { TOPICS } from './topics';

export const PAYMENT_ACTIONS = ['PAYMENT', 'CANCEL', 'PARTIAL_CANCEL', 'FULL_CANCEL'] as const;
export const PAYMENT_METHODS = ['CARD', 'MONEY', 'PAY', 'POINT'] as const;
export const PAYMENT_STATUSES = ['APPROVED', 'UNCONFIRMED', 'CONFIRMED', 'NETWORK_CANCELED'] as const;
export const CHANNELS = ['ONLINE', 'OFFLINE'] as const;

export const paymentData = z.object({
  paymentId: z.string().min(1).max(100),
  merchantNumber: z.string().min(1).max(50),
  /** whole won; positive for a payment, the cancelled part (positive) for a cancellation */
  amount: z.number().int().nonnegative().max(1e12),
  paymentDate: z.iso.datetime({ offset: true }),
  paymentActionType: z.enum(PAYMENT_ACTIONS),
  paymentMethodType: z.enum(PAYMENT_METHODS),
  originalPaymentId: z.string().min(1).max(100).optional(),
  test: z.boolean(),
  status: z.enum(PAYMENT_STATUSES),
}).refine((d) => d.paymentActionType === 'PAYMENT' || d.originalPaymentId, { path: ['originalPaymentId'], message: 'a cancellation names the payment it cancels' });

export const paymentMessage = z.discriminatedUnion('action', [
  z.object({ channel: z.enum(CHANNELS), action: z.literal('PAYMENT'), data: paymentData }),
  z.object({ channel: z.enum(CHANNELS), action: z.literal('FINISH'), data: z.null() }),
]);
export type PaymentMessage = z.infer<typeof paymentMessage>;
export type Payment = z.infer<typeof paymentData>;
export type PaymentAction = (typeof PAYMENT_ACTIONS)[number];
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_RECORD = { topic: TOPICS.payment, key: (m: PaymentMessage) => m.data?.merchantNumber ?? '' } as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day, YYYY-MM-DD');

/** A payout rule as saved; the worker's RuleBook is built from these. */
export const payoutRuleRecord = z.object({
  id: z.uuid(),
  merchantNumber: z.string().min(1),
  method: z.enum(PAYMENT_METHODS),
  action: z.enum(PAYMENT_ACTIONS),
  effectiveFrom: day,
  feeRateBp: z.number().int().min(0).max(10_000),
  payoutDays: z.number().int().min(0).max(60),
});
export type PayoutRuleRecord = z.infer<typeof payoutRuleRecord>;

export const ruleKey = (r: Pick<PayoutRuleRecord, 'merchantNumber' | 'method' | 'action' | 'effectiveFrom'>) =>
  `${r.merchantNumber}|${r.method}|${r.action}|${r.effectiveFrom}`;

export const PayoutRuleSaved = defineEvent({
  type: 'PayoutRuleSaved',
  version: 1,
  topic: TOPICS.payoutRules,
  key: ruleKey,
  payload: payoutRuleRecord,
});

/** One statistics row as published on `payment-statistics` (amounts as numbers: a day's merchant totals stay far below 2^53). */
export const paymentStatistic = z.object({
  approvalDay: day,
  merchantNumber: z.string(),
  action: z.enum(PAYMENT_ACTIONS),
  method: z.enum(PAYMENT_METHODS),
  count: z.number().int(),
  amount: z.number().int(),
  fee: z.number().int(),
  vat: z.number().int(),
  payout: z.number().int(),
  version: z.number().int().positive(),
}).strict();
export type PaymentStatistic = z.infer<typeof paymentStatistic>;
export const statisticKey = (s: Pick<PaymentStatistic, 'approvalDay' | 'merchantNumber' | 'action' | 'method'>) =>
  `${s.approvalDay}|${s.merchantNumber}|${s.action}|${s.method}`;
