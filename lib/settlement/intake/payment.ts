/**
 * Seed 004's payment message, as the shop's payments arrive on topic `payment`:
 *   { channel: "ONLINE" | "OFFLINE", action: "PAYMENT" | "FINISH", data }
 * with data { paymentId, merchantNumber, amount, paymentDate, paymentActionType, paymentMethodType,
 * originalPaymentId?, test, status } for a payment, and null for a FINISH marker (the end of a batch).
 */
import { z } from 'zod';

export const PAYMENT_ACTIONS = ['PAYMENT', 'CANCEL', 'PARTIAL_CANCEL', 'FULL_CANCEL'] as const;
export const PAYMENT_METHODS = ['CARD', 'MONEY', 'PAY', 'POINT'] as const;
export const PAYMENT_STATUSES = ['APPROVED', 'UNCONFIRMED', 'CONFIRMED', 'NETWORK_CANCELED'] as const;

export const paymentData = z.object({
  paymentId: z.string().min(1),
  merchantNumber: z.string().min(1),
  /** whole won; positive for a payment, the cancelled part (positive) for a cancellation */
  amount: z.number().int().nonnegative(),
  paymentDate: z.iso.datetime({ offset: true }),
  paymentActionType: z.enum(PAYMENT_ACTIONS),
  paymentMethodType: z.enum(PAYMENT_METHODS),
  originalPaymentId: z.string().min(1).optional(),
  test: z.boolean(),
  status: z.enum(PAYMENT_STATUSES),
}).refine((d) => d.paymentActionType === 'PAYMENT' || d.originalPaymentId, { path: ['originalPaymentId'], message: 'a cancellation names the payment it cancels' });

export const paymentMessage = z.discriminatedUnion('action', [
  z.object({ channel: z.enum(['ONLINE', 'OFFLINE']), action: z.literal('PAYMENT'), data: paymentData }),
  z.object({ channel: z.enum(['ONLINE', 'OFFLINE']), action: z.literal('FINISH'), data: z.null() }),
]);
export type PaymentMessage = z.infer<typeof paymentMessage>;
export type Payment = z.infer<typeof paymentData>;
