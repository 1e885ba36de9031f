// Test data for the commerce sinks: valid commerce events as the shop generator publishes them, with ids
// unique to each call so test files never collide, and a producer that sends them as the generator does.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { OrderPlaced, ProductListed, UserRegistered } from '@/lib/platform/events/catalog';
import { createEnvelope, type EventDefinition } from '@/lib/platform/events/envelope';
import type { OrderPlacedPayload } from '@/lib/commerce/sinks/orders';
import type { ProductListedPayload } from '@/lib/commerce/sinks/products';
import type { UserRegisteredPayload } from '@/lib/commerce/sinks/users';

let userSeq = Math.floor(Math.random() * 80_000_000) + 10_000_000;
export const newUserId = () => `U_${String(userSeq++).padStart(8, '0')}`;
export const newProductId = () => `P${randomBytes(4).toString('hex')}`;

export function user(id = newUserId(), extra: Partial<UserRegisteredPayload> = {}): UserRegisteredPayload {
  return {
    userId: id, name: '김테스트', gender: 'F', age: 34, birthYear: 1992, province: '서울', district: '마포구', street: '월드컵로 12',
    email: `${id.toLowerCase()}@naver.com`, phone: '010-1234-5678', grade: 'BRONZE', status: 'ACTIVE', marketingConsent: true,
    createdAt: new Date().toISOString(), lastLoginAt: null, randomSeed: 0.5, ...extra,
  };
}

export function product(id = newProductId(), extra: Partial<ProductListedPayload> = {}): ProductListedPayload {
  return {
    productId: id, category: '스킨케어', name: '[MD픽] 수분 크림', brand: '라운드랩', price: 23_000, listPrice: 29_000, discountRate: 0.2069,
    description: '테스트 상품', rating: 4.5, reviewCount: 120, stock: 300, createdAt: new Date().toISOString(), ...extra,
  };
}

/** An order of `userId` for the given products (one line each, quantity 1..3). */
export function order(userId: string, productIds: string[], orderedAt = new Date()): OrderPlacedPayload {
  const lines = productIds.map((productId, i) => {
    const quantity = (i % 3) + 1;
    const unitPrice = 10_000 + i * 1_000;
    return { lineNo: i + 1, productId, productName: '테스트 상품', category: '스킨케어' as const, quantity, unitPrice, amount: quantity * unitPrice };
  });
  const subtotal = lines.reduce((s, l) => s + l.amount, 0);
  const shippingFee = 3_000;
  const discount = Math.floor(subtotal * 0.05);
  return {
    orderId: randomUUID(), userId, orderedAt: orderedAt.toISOString(), paymentMethod: 'KakaoPay', subtotal, shippingFee, discount,
    total: Math.max(0, subtotal + shippingFee - discount), scenarioId: 0, buyer: { name: '김테스트', gender: 'F', age: 34, province: '서울' }, lines,
  };
}

/** Sends events as the generator does: an envelope each, keyed by the event's key. Returns the envelopes. */
export async function publish<P>(producer: Producer, def: EventDefinition<string, P>, payloads: P[], copies = 1) {
  const envelopes = payloads.map((p) => createEnvelope(def, p, { correlationId: randomUUID() }));
  const messages = envelopes.flatMap((e) => Array.from({ length: copies }, () => ({ key: def.key(e.payload), value: JSON.stringify(e) })));
  for (let i = 0; i < messages.length; i += 500) await producer.send({ topic: def.topic, acks: -1, messages: messages.slice(i, i + 500) });
  return envelopes;
}

export const events = { OrderPlaced, ProductListed, UserRegistered };
