import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AGE_GROUPS } from '../../promotions/attribution/mask';
import { promoBehaviorInput, purchaseInput, type PromoBehavior, type Purchase } from '../../promotions/intake/contracts';
import { TOPICS } from './topics';

/**
 * Promotion attribution records (seed 001). Unlike the domain events of catalog.ts these are plain records, not
 * envelopes: purchases and behaviour also come from outside (POST /api/ingest/*, INGEST_DIR files, a partner's
 * producer), in the seed's own shape. The input schemas standardise what they accept (lib/promotions/intake);
 * the outputs are ours and strict.
 *
 *   promo_behavior       { eventId, userId, promotionId, action: "view" | "click", occurredAt }
 *   purchase             { eventId, purchaseId, userId, occurredAt, amount, paymentMethod, card?: { number, holder, ... },
 *                          buyer: { name, age, gender }, items: [{ productId, name, category, quantity, price }] }
 *   purchase.attributed  the purchase without its card, with promotion_affect 0 | 1 and the behaviour it is attributed to
 *   promotion            the affected purchases only, masked: no user id, no card, the buyer as age group, gender, 김*준
 *
 * Times are ISO 8601 with an offset (Korea time on the outputs); amounts whole won.
 */
export const PROMO_RECORDS = {
  promoBehavior: { topic: TOPICS.promoBehavior, schema: promoBehaviorInput, key: (r: PromoBehavior) => r.userId },
  purchase: { topic: TOPICS.purchase, schema: purchaseInput, key: (r: Purchase) => r.userId },
} as const;

export type { PromoBehavior, Purchase };

const kstTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?\+09:00$/, 'ISO 8601 in Korea time');
const won = z.number().int().nonnegative();
const item = z.object({ productId: z.string(), name: z.string(), category: z.string(), quantity: z.number().int().min(1), price: won });

export const AttributedPurchase = z.strictObject({
  eventId: z.uuid(),
  purchaseId: z.string(),
  userId: z.string(),
  occurredAt: kstTime,
  amount: won,
  paymentMethod: z.string(),
  buyer: z.object({ name: z.string(), age: z.number().int(), gender: z.string() }),
  items: z.array(item).min(1),
  promotion_affect: z.union([z.literal(0), z.literal(1)]),
  promotionId: z.string().nullable(),
  action: z.enum(['view', 'click']).nullable(),
  behaviorAt: kstTime.nullable(),
  /** why the decision was made when it was: a behaviour in the window, the grace passed, a quiet partition, a late purchase */
  decidedBy: z.enum(['window', 'grace', 'idle', 'late']),
});
export type AttributedPurchase = z.infer<typeof AttributedPurchase>;

/** What `promotion` may carry: strict, so a field added by mistake (a user id, a card) fails the producer's parse. */
export const PromotionAffected = z.strictObject({
  eventId: z.uuid(),
  purchaseId: z.string(),
  promotionId: z.string(),
  action: z.enum(['view', 'click']),
  behaviorAt: kstTime,
  purchasedAt: kstTime,
  amount: won,
  items: z.array(item).min(1),
  paymentMethod: z.string(),
  buyer: z.strictObject({ ageGroup: z.enum(AGE_GROUPS), gender: z.string(), name: z.string() }),
  promotion_affect: z.literal(1),
});
export type PromotionAffected = z.infer<typeof PromotionAffected>;

/**
 * The eventId of an output record: derived from the purchase and the topic, so a decision published twice (the
 * attributor died between Kafka's ack and marking it published) carries the same id and a consumer drops the repeat.
 */
export function outputEventId(topic: string, purchaseId: string): string {
  const h = createHash('sha1').update(`${topic}\0${purchaseId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}
