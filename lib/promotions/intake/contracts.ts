/**
 * The two inputs of promotion attribution, as every way in (Kafka, POST /api/ingest/*, INGEST_DIR files) accepts
 * them, and the one form they are standardised to. One schema per input, shared by all of them.
 *   promo_behavior: { eventId, userId, promotionId, action: "view" | "click", occurredAt }
 *   purchase: { eventId, purchaseId, userId, occurredAt, amount, paymentMethod, card?: { number, holder, ... },
 *               buyer: { name, age, gender }, items: [{ productId, name, category, quantity, price }] }
 * occurredAt comes out as ISO 8601 in Korea time with its offset; amounts and prices as whole won.
 */
import { z } from 'zod';
import { camelKeys, contractTime, standardiseAmount, standardiseName, standardiseTime, type Standardised } from './standardise';

/** A zod step from a standardise function: its reason becomes the issue's message. */
const via = <T>(fn: (v: unknown) => Standardised<T>) =>
  z.unknown().transform((v, ctx) => {
    const r = fn(v);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: r.reason });
    return z.NEVER;
  });

const id = z.union([z.string().trim().min(1), z.number().int().nonnegative().transform(String)]);
const time = via(standardiseTime).transform(contractTime);
const won = via(standardiseAmount);

export const promoBehaviorInput = z.preprocess(camelKeys, z.object({
  eventId: id,
  userId: id,
  promotionId: id,
  action: z.string().trim().toLowerCase().pipe(z.enum(['view', 'click'])),
  occurredAt: time,
}));
export type PromoBehavior = z.output<typeof promoBehaviorInput>;

export const purchaseInput = z.preprocess(camelKeys, z.object({
  eventId: id,
  purchaseId: id,
  userId: id,
  occurredAt: time,
  amount: won,
  paymentMethod: z.string().trim().min(1),
  // card fields are read so that they can be dropped: nothing downstream of the attributor carries them
  card: z.looseObject({ number: z.string().optional(), holder: z.string().optional() }).optional(),
  buyer: z.object({
    name: via(standardiseName),
    age: z.coerce.number().int().min(0).max(130),
    gender: z.string().trim().min(1),
  }),
  items: z.array(z.object({
    productId: id,
    name: via(standardiseName),
    category: z.string().trim().min(1),
    quantity: z.coerce.number().int().min(1),
    price: won,
  })).min(1),
}));
export type Purchase = z.output<typeof purchaseInput>;

/** A record that cannot be standardised: every problem, each with its field, in one line for the dead-letter topic. */
export function reasonOf(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ');
}

export function standardisePurchase(raw: unknown): Standardised<Purchase> {
  const r = purchaseInput.safeParse(raw);
  return r.success ? { ok: true, value: r.data } : { ok: false, reason: reasonOf(r.error) };
}

export function standardisePromoBehavior(raw: unknown): Standardised<PromoBehavior> {
  const r = promoBehaviorInput.safeParse(raw);
  return r.success ? { ok: true, value: r.data } : { ok: false, reason: reasonOf(r.error) };
}
