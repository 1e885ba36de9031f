import { describe, expect, it } from 'vitest';
import { PromotionAffected } from '../../platform/events/promotions';
import { attributedRecord, promotionRecord, type HeldPurchase } from './outputs';

const record = {
  eventId: 'e1', purchaseId: 'p1', userId: 'U_00000042', occurredAt: '2026-12-03T14:00:00.000+09:00', amount: 39_000, paymentMethod: 'Card',
  card: { number: '9410-1234-5678-9012', holder: '김민준' }, buyer: { name: '김민준', age: 41, gender: 'M' },
  items: [{ productId: 'P0000abcd', name: '패딩', category: 'FW(가을겨울)', quantity: 1, price: 39_000 }],
};
const held: HeldPurchase = { eventId: 'e1', purchaseId: 'p1', userId: 'U_00000042', at: Date.parse(record.occurredAt), record };
const click = { eventId: 'b1', userId: 'U_00000042', promotionId: 'PR-0001', action: 'click' as const, at: held.at - 60_000 };

describe('attribution outputs', () => {
  it('re-publishes every purchase without its card, with promotion_affect and the behaviour', () => {
    const a = attributedRecord({ purchase: held, affect: 1, behaviour: click, by: 'window' });
    expect(a).toMatchObject({ purchaseId: 'p1', userId: 'U_00000042', promotion_affect: 1, promotionId: 'PR-0001', action: 'click', behaviorAt: '2026-12-03T13:59:00.000+09:00' });
    expect(JSON.stringify(a)).not.toContain('9410');
    expect(attributedRecord({ purchase: held, affect: 0, behaviour: null, by: 'grace' })).toMatchObject({ promotion_affect: 0, promotionId: null });
  });

  it('puts an affected purchase on `promotion` masked, with no user id or card; the others not at all', () => {
    const out = promotionRecord(attributedRecord({ purchase: held, affect: 1, behaviour: click, by: 'window' }))!;
    expect(out.buyer).toEqual({ ageGroup: '40대', gender: 'M', name: '김*준' });
    expect(JSON.stringify(out)).not.toMatch(/U_00000042|9410|holder|userId/);
    expect(promotionRecord(attributedRecord({ purchase: held, affect: 0, behaviour: null, by: 'idle' }))).toBeNull();
  });

  it('refuses a promotion record with any field it does not list', () => {
    const out = promotionRecord(attributedRecord({ purchase: held, affect: 1, behaviour: click, by: 'window' }))!;
    expect(PromotionAffected.safeParse({ ...out, userId: 'U_00000042' }).success).toBe(false);
    expect(PromotionAffected.safeParse({ ...out, buyer: { ...out.buyer, age: 41 } }).success).toBe(false);
  });
});
