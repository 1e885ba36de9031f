/**
 * A checked-out cart as seed 001's purchase record (topic `purchase`, keyed by user id): the shop publishes it
 * beside OrderPlaced, for the promotion attributor. Card payments carry the card, as a shop's payment record would;
 * the attributor drops it (lib/platform/events/promotions.ts says what may go out).
 */
import { base, en, Faker, ko } from '@faker-js/faker';
import { kstIso } from '../../../platform/time/kst';
import { childSeed, type Rng } from './rng';
import type { OrderPlacedPayload } from './types';

export interface PurchaseRecord {
  eventId: string;
  purchaseId: string;
  userId: string;
  occurredAt: string;
  amount: number;
  paymentMethod: string;
  card?: { number: string; holder: string; expiry: string; issuer: string };
  buyer: { name: string; age: number; gender: string };
  items: { productId: string; name: string; category: string; quantity: number; price: number }[];
}

const ISSUERS = ['신한카드', 'KB국민카드', '삼성카드', '현대카드', '롯데카드', '하나카드', '우리카드', 'BC카드'] as const;

export class PurchaseRecords {
  private readonly faker: Faker;

  constructor(private readonly rng: Rng) {
    this.faker = new Faker({ locale: [ko, en, base] });
    this.faker.seed(childSeed(rng));
  }

  /** The purchase of an order; its eventId is the order's (one cart, one purchase). */
  of(order: OrderPlacedPayload): PurchaseRecord {
    const card = order.paymentMethod === 'Card'
      ? {
          number: this.faker.finance.creditCardNumber({ issuer: '####-####-####-###L' }),
          holder: order.buyer.name,
          expiry: this.faker.date.future({ years: 5 }).toISOString().slice(2, 7).split('-').reverse().join('/'),
          issuer: ISSUERS[Math.floor(this.rng() * ISSUERS.length)]!,
        }
      : undefined;
    return {
      eventId: order.orderId,
      purchaseId: order.orderId,
      userId: order.userId,
      occurredAt: kstIso(order.orderedAt),
      amount: order.total,
      paymentMethod: order.paymentMethod,
      ...(card ? { card } : {}),
      buyer: { name: order.buyer.name, age: order.buyer.age, gender: order.buyer.gender },
      items: order.lines.map((l) => ({ productId: l.productId, name: l.productName, category: l.category, quantity: l.quantity, price: l.unitPrice })),
    };
  }
}
