import { describe, expect, it } from 'vitest';
import { paymentMessage, type Payment, type PaymentMessage } from '../../../platform/events/settlement';
import { merchantOfBrand, NON_SETTLEMENT_MERCHANT, TEST_MERCHANT } from '../../../settlement/merchants/shop-merchants';
import { brandOfLine, DEFAULT_PAYMENT_MIX, PaymentEvents } from './payment';
import { makeProduct } from './product';
import { mulberry32 } from './rng';
import type { OrderPlacedPayload } from './types';

const start = new Date('2026-12-02T11:00:00Z');
const METHODS = ['Card', 'NaverPay', 'KakaoPay', 'Bank'] as const;

/**
 * Carts of the shop's products, one every 10 ms (100 carts/s), so follow-ups come due as carts go on. Built here
 * rather than by Shop.checkout, which is ~30x slower: only the lines, total, time and payment method matter.
 */
function carts(seed: number) {
  const rng = mulberry32(seed);
  const products = Array.from({ length: 2000 }, () => makeProduct(rng, { createdAt: start }));
  let t = start.getTime();
  let seq = 0;
  return (): OrderPlacedPayload => {
    t += 10;
    const lines = Array.from({ length: 1 + Math.floor(rng() * 4) }, (_, i) => {
      const p = products[Math.floor(rng() * products.length)]!;
      const quantity = 1 + Math.floor(rng() * 3);
      return { lineNo: i + 1, productId: p.productId, productName: p.name, category: p.category, quantity, unitPrice: p.price, amount: p.price * quantity };
    });
    const subtotal = lines.reduce((s, l) => s + l.amount, 0);
    return {
      orderId: `00000000-0000-7000-8000-${String(seq++).padStart(12, '0')}`, userId: 'U_00000001', orderedAt: new Date(t).toISOString(), paymentMethod: METHODS[Math.floor(rng() * 4)]!,
      subtotal, shippingFee: 0, discount: 0, total: subtotal, scenarioId: 0, buyer: { name: '김민준', gender: 'M', age: 30, province: '서울' }, lines,
    };
  };
}

/** Every message of n carts, the follow-ups drained at each cart's time and at the end. */
function run(n: number, seed: number, mix = {}) {
  const next = carts(seed);
  const events = new PaymentEvents(mulberry32(seed + 1), mix);
  const messages: PaymentMessage[] = [];
  const orders: OrderPlacedPayload[] = [];
  for (let i = 0; i < n; i++) {
    const o = next();
    messages.push(...events.due(Date.parse(o.orderedAt)));
    orders.push(o);
    messages.push(...events.of(o));
  }
  messages.push(...events.due(Infinity));
  return { orders, messages, payments: messages.map((m) => m.data!), events };
}

const triple = (p: Payment) => `${p.paymentId}|${p.paymentActionType}|${p.status}`;

describe('PaymentEvents', () => {
  it('reads the brand from product names as model/product.ts builds them', () => {
    const rng = mulberry32(7);
    for (let i = 0; i < 5000; i++) {
      const p = makeProduct(rng, { createdAt: start });
      expect(brandOfLine({ productName: p.name, category: p.category })).toBe(p.brand);
    }
  });

  it('makes the configured mix over 100k carts, every message valid', () => {
    const n = 100_000;
    const { orders, messages, payments, events } = run(n, 42);
    expect(events.scheduled).toBe(0);
    for (const m of messages) paymentMessage.parse(m);
    const approvals = payments.filter((p) => p.paymentActionType === 'PAYMENT' && p.status !== 'CONFIRMED');
    const unique = new Map(approvals.map((p) => [p.paymentId, p]));
    expect(unique.size).toBe(n);
    const share = (k: number) => k / n;
    const near = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThan(4 * Math.sqrt((want * (1 - want)) / n) + 1e-4);
    const distinct = new Set(payments.map(triple)).size;
    near(share(messages.length - distinct), DEFAULT_PAYMENT_MIX.duplicate);
    const firsts = [...unique.values()];
    near(share(firsts.filter((p) => p.test || p.merchantNumber === TEST_MERCHANT).length), DEFAULT_PAYMENT_MIX.test);
    near(share(firsts.filter((p) => p.merchantNumber === NON_SETTLEMENT_MERCHANT).length), DEFAULT_PAYMENT_MIX.nonSettlement);
    near(share(firsts.filter((p) => p.status === 'UNCONFIRMED').length), DEFAULT_PAYMENT_MIX.unconfirmed);
    near(share(firsts.filter((p) => p.paymentMethodType === 'POINT').length), DEFAULT_PAYMENT_MIX.point);
    const offline = new Set(messages.filter((m) => m.channel === 'OFFLINE').map((m) => m.data!.paymentId.slice(0, 40)));
    near(share(offline.size), DEFAULT_PAYMENT_MIX.offline);
    const byTriple = new Map(payments.map((p) => [triple(p), p]));
    const followUps = [...byTriple.values()];
    near(share(followUps.filter((p) => p.status === 'NETWORK_CANCELED').length), DEFAULT_PAYMENT_MIX.networkCancel);
    near(share(followUps.filter((p) => p.status === 'CONFIRMED').length), DEFAULT_PAYMENT_MIX.unconfirmed * DEFAULT_PAYMENT_MIX.confirmed);
    const cancels = followUps.filter((p) => p.paymentActionType !== 'PAYMENT' && p.status === 'APPROVED');
    near(share(cancels.length), DEFAULT_PAYMENT_MIX.cancel);
    expect(new Set(cancels.map((c) => c.paymentActionType))).toEqual(new Set(['PARTIAL_CANCEL', 'FULL_CANCEL', 'CANCEL']));
    // test payments come half by flag, half on the test merchant
    const tests = firsts.filter((p) => p.test || p.merchantNumber === TEST_MERCHANT);
    expect(tests.filter((p) => p.test).length / tests.length).toBeGreaterThan(0.35);
    expect(tests.filter((p) => p.test).length / tests.length).toBeLessThan(0.65);
    // the order's total and time, the brand's merchant of the largest line
    const byOrder = new Map(orders.map((o) => [`PAY-${o.orderId}`, o]));
    for (const p of firsts.slice(0, 5000)) {
      const o = byOrder.get(p.paymentId)!;
      expect(p.amount).toBe(o.total);
      expect(Date.parse(p.paymentDate)).toBe(Date.parse(o.orderedAt));
      expect(p.paymentDate.endsWith('+09:00')).toBe(true);
      if (p.test || p.merchantNumber === TEST_MERCHANT || p.merchantNumber === NON_SETTLEMENT_MERCHANT) continue;
      const largest = o.lines.reduce((a, b) => (b.amount > a.amount ? b : a));
      expect(p.merchantNumber).toBe(merchantOfBrand(brandOfLine(largest)));
    }
  }, 30_000);

  it('never cancels more than the payment, and cancels and confirms later than it', () => {
    const { payments } = run(30_000, 5, { cancel: 0.2, networkCancel: 0.05, unconfirmed: 0.05 });
    const approvals = new Map(payments.filter((p) => p.paymentActionType === 'PAYMENT' && p.status !== 'CONFIRMED').map((p) => [p.paymentId, p]));
    const cancels = payments.filter((p) => p.paymentActionType !== 'PAYMENT');
    expect(cancels.length).toBeGreaterThan(5000);
    for (const c of cancels) {
      const a = approvals.get(c.originalPaymentId!)!;
      expect(a).toBeDefined();
      expect(c.paymentId).not.toBe(a.paymentId);
      expect(c.merchantNumber).toBe(a.merchantNumber);
      expect(c.paymentMethodType).toBe(a.paymentMethodType);
      const delay = Date.parse(c.paymentDate) - Date.parse(a.paymentDate);
      if (c.status === 'NETWORK_CANCELED') {
        expect(c.amount).toBe(a.amount);
        expect(delay).toBeGreaterThanOrEqual(200);
        expect(delay).toBeLessThanOrEqual(3_000);
      } else {
        expect(delay).toBeGreaterThanOrEqual(5_000);
        expect(delay).toBeLessThanOrEqual(120_000);
        if (c.paymentActionType === 'PARTIAL_CANCEL') expect(c.amount).toBeLessThan(a.amount);
        else expect(c.amount).toBe(a.amount);
      }
      expect(c.amount).toBeGreaterThan(0);
    }
    // confirmations reuse the approval's id, action and date; a fifth of the unconfirmed never get one
    const confirmations = payments.filter((p) => p.status === 'CONFIRMED');
    const unconfirmed = [...approvals.values()].filter((p) => p.status === 'UNCONFIRMED');
    for (const c of confirmations) expect(approvals.get(c.paymentId)).toMatchObject({ status: 'UNCONFIRMED', paymentActionType: 'PAYMENT', paymentDate: c.paymentDate, amount: c.amount });
    const confirmedShare = new Set(confirmations.map((c) => c.paymentId)).size / unconfirmed.length;
    expect(confirmedShare).toBeGreaterThan(0.72);
    expect(confirmedShare).toBeLessThan(0.88);
  }, 30_000);

  it('releases follow-ups only when due, in time order, once', () => {
    const next = carts(3);
    const none = { test: 0, nonSettlement: 0, networkCancel: 0, unconfirmed: 0, duplicate: 0 };
    const events = new PaymentEvents(mulberry32(4), { ...none, cancel: 1 });
    const first = next();
    expect(events.of(first)).toHaveLength(1);
    expect(events.due(Date.parse(first.orderedAt) + 4_999)).toEqual([]);
    let last = first;
    for (let i = 0; i < 100; i++) events.of((last = next()));
    const released = events.due(Date.parse(last.orderedAt) + 120_000);
    expect(released).toHaveLength(101);
    const times = released.map((m) => Date.parse(m.data!.paymentDate));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(events.due(Infinity)).toEqual([]);
  });

  it('refuses shares outside [0, 1] or exclusive kinds that add up past 1', () => {
    expect(() => new PaymentEvents(mulberry32(1), { duplicate: 1.5 })).toThrow(RangeError);
    expect(() => new PaymentEvents(mulberry32(1), { cancel: 0.6, test: 0.5 })).toThrow(RangeError);
  });
});
