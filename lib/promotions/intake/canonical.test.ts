import { describe, expect, it } from 'vitest';
import { canonicalBehaviour, canonicalPurchase } from './canonical';
import { standardisePromoBehavior, standardisePurchase } from './contracts';

const purchase = {
  eventId: 'e1', purchaseId: 'p1', userId: 'U_00000001', occurredAt: '2026-12-03T14:05:00.000+09:00', amount: 12_500, paymentMethod: 'Card',
  card: { number: '9410-1234-5678-9012', holder: '김민준', expiry: '02/29' }, buyer: { name: '김민준', age: 34, gender: 'M' },
  items: [{ productId: 'P0000abcd', name: '겨울 패딩', category: 'FW(가을겨울)', quantity: 1, price: 12_500 }],
};
const behaviour = { eventId: 'b1', userId: 'U_00000001', promotionId: 'PR-0001', action: 'click', occurredAt: '2026-12-03T14:04:00.000+09:00' };

describe('the fast path of standardisation', () => {
  it('passes a standard record through, exactly as the schemas would leave it', () => {
    const viaSchema = standardisePurchase(purchase);
    expect(viaSchema.ok && viaSchema.value).toEqual(canonicalPurchase(purchase));
    const b = standardisePromoBehavior(behaviour);
    expect(b.ok && b.value).toEqual(canonicalBehaviour(behaviour));
    const { card: _card, ...cardless } = purchase;
    const c = standardisePurchase(cardless);
    expect(c.ok && c.value).toEqual(canonicalPurchase(cardless));
  });

  it('leaves to the schemas anything they would change or refuse', () => {
    const variants: Record<string, unknown>[] = [
      { ...purchase, user_id: 'U_1' }, { ...purchase, occurredAt: '2026-12-03 14:05:00' }, { ...purchase, occurredAt: '2026-02-30T14:05:00.000+09:00' },
      { ...purchase, occurredAt: '2026-12-03T05:05:00.000Z' }, { ...purchase, amount: '12,500' }, { ...purchase, amount: -1 },
      { ...purchase, eventId: ' e1' }, { ...purchase, buyer: { ...purchase.buyer, name: '김  민준' } }, { ...purchase, buyer: { ...purchase.buyer, name: '김민준'.normalize('NFD') } },
      { ...purchase, buyer: { ...purchase.buyer, age: '34' } }, { ...purchase, items: [] }, { ...purchase, items: [{ ...purchase.items[0], price: '12,500원' }] },
      { ...purchase, extra: 1 }, { ...purchase, card: null }, { ...purchase, card: { card_number: '1' } },
    ];
    for (const v of variants) expect(canonicalPurchase(v), JSON.stringify(v)).toBeNull();
    for (const v of [{ ...behaviour, action: 'CLICK' }, { ...behaviour, occurredAt: 1_764_738_240_000 }, { ...behaviour, promotion_id: 'x' }, { ...behaviour, userId: '' }]) {
      expect(canonicalBehaviour(v), JSON.stringify(v)).toBeNull();
    }
  });
});
