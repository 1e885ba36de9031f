/**
 * What a decision publishes: every purchase on purchase.attributed (without its card), and the affected ones on
 * `promotion`, masked. Both are parsed by their strict schemas on the way out, so a field that must not leave
 * (a user id or a card on `promotion`) fails here rather than reaching the topic.
 */
import { AttributedPurchase, outputEventId, PromotionAffected } from '../../platform/events/promotions';
import { TOPICS } from '../../platform/events/topics';
import { kstIso } from '../../platform/time/kst';
import type { Purchase } from '../intake/contracts';
import { ageGroup, maskName } from './mask';
import type { Decision, PurchaseRecord } from './window-state';

export interface HeldPurchase extends PurchaseRecord {
  record: Purchase;
}

export function attributedRecord(d: Decision<HeldPurchase>): AttributedPurchase {
  const { record } = d.purchase;
  const b = d.behaviour;
  return AttributedPurchase.parse({
    eventId: outputEventId(TOPICS.purchaseAttributed, record.purchaseId),
    purchaseId: record.purchaseId,
    userId: record.userId,
    occurredAt: record.occurredAt,
    amount: record.amount,
    paymentMethod: record.paymentMethod,
    buyer: record.buyer,
    items: record.items,
    promotion_affect: d.affect,
    promotionId: b?.promotionId ?? null,
    action: b?.action ?? null,
    behaviorAt: b ? kstIso(new Date(b.at)) : null,
    decidedBy: d.by,
  });
}

/** The `promotion` record of an affected purchase; null for the others. */
export function promotionRecord(a: AttributedPurchase): PromotionAffected | null {
  if (a.promotion_affect !== 1 || !a.promotionId || !a.action || !a.behaviorAt) return null;
  return PromotionAffected.parse({
    eventId: outputEventId(TOPICS.promotion, a.purchaseId),
    purchaseId: a.purchaseId,
    promotionId: a.promotionId,
    action: a.action,
    behaviorAt: a.behaviorAt,
    purchasedAt: a.occurredAt,
    amount: a.amount,
    items: a.items,
    paymentMethod: a.paymentMethod,
    buyer: { ageGroup: ageGroup(a.buyer.age), gender: a.buyer.gender, name: maskName(a.buyer.name) },
    promotion_affect: 1,
  });
}

/** The Kafka messages of a set of attributed purchases: purchase.attributed keyed by user, promotion by purchase. */
export function outputMessages(records: AttributedPurchase[]) {
  const attributed = records.map((a) => ({ key: a.userId, value: JSON.stringify(a) }));
  const promotion = records.map(promotionRecord).filter((p) => p !== null).map((p) => ({ key: p.purchaseId, value: JSON.stringify(p) }));
  return [
    { topic: TOPICS.purchaseAttributed, messages: attributed },
    { topic: TOPICS.promotion, messages: promotion },
  ].filter((t) => t.messages.length);
}
