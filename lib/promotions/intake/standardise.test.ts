import { describe, expect, it } from 'vitest';
import { standardisePromoBehavior, standardisePurchase } from './contracts';
import { camelKeys, standardiseAmount, standardiseName, standardiseTime } from './standardise';

const ms = (r: ReturnType<typeof standardiseTime>) => (r.ok ? r.value.getTime() : r.reason);
const T = Date.parse('2026-12-02T05:03:00Z'); // 14:03 in Korea

describe('standardiseTime', () => {
  it('reads ISO 8601 with Z or +09:00, epoch ms, and "YYYY-MM-DD HH:mm:ss" as Korea time, all to the same instant', () => {
    expect(ms(standardiseTime('2026-12-02T05:03:00Z'))).toBe(T);
    expect(ms(standardiseTime('2026-12-02T14:03:00+09:00'))).toBe(T);
    expect(ms(standardiseTime('2026-12-02T14:03:00.000+09:00'))).toBe(T);
    expect(ms(standardiseTime(T))).toBe(T);
    expect(ms(standardiseTime('2026-12-02 14:03:00'))).toBe(T);
  });
  it('refuses a time without an offset, epoch seconds, impossible dates and other shapes, saying why', () => {
    expect(ms(standardiseTime('2026-12-02T14:03:00'))).toMatch(/no offset/);
    expect(ms(standardiseTime(Math.floor(T / 1000)))).toMatch(/epoch milliseconds/);
    expect(ms(standardiseTime('2026-02-30 10:00:00'))).toMatch(/not ISO 8601/);
    expect(ms(standardiseTime('2026-02-30T10:00:00Z'))).toMatch(/not ISO 8601/);
    expect(ms(standardiseTime('yesterday'))).toMatch(/not ISO 8601/);
    expect(ms(standardiseTime(null))).toMatch(/got null/);
  });
});

describe('standardiseAmount', () => {
  it('reads numbers and "10,000", "10000", "₩10,000", "10,000원"', () => {
    for (const v of [10000, '10,000', '10000', '₩10,000', '10,000원', ' ₩ 10,000 ', '10,000 원']) expect(standardiseAmount(v)).toEqual({ ok: true, value: 10000 });
    expect(standardiseAmount('1,234,567')).toEqual({ ok: true, value: 1234567 });
  });
  it('refuses wrong grouping, decimals, negatives and words', () => {
    for (const v of ['1,0000', '10.5', -1, 10.5, 'ten', '', '₩']) expect(standardiseAmount(v).ok).toBe(false);
  });
});

describe('standardiseName and field names', () => {
  it('trims, collapses inner whitespace and composes Hangul', () => {
    expect(standardiseName('  김   민준 ')).toEqual({ ok: true, value: '김 민준' });
    expect(standardiseName('김민준'.normalize('NFD'))).toEqual({ ok: true, value: '김민준' });
    expect(standardiseName('   ').ok).toBe(false);
  });
  it('turns snake_case keys into camelCase at every depth', () => {
    expect(camelKeys({ purchase_id: 1, buyer: { user_name: 'x' }, items: [{ product_id: 'p' }] })).toEqual({ purchaseId: 1, buyer: { userName: 'x' }, items: [{ productId: 'p' }] });
  });
});

describe('the contracts', () => {
  const snake = {
    event_id: 'e-1', purchase_id: 'o-1', user_id: 'U000001', occurred_at: '2026-12-02 14:03:00', amount: '₩25,000', payment_method: 'CARD',
    card: { number: '1234-5678-9012-3456', holder: '김민준', expiry: '12/29' },
    buyer: { name: ' 김  민준 ', age: '34', gender: 'M' },
    items: [{ product_id: 'P1', name: '무선 이어폰', category: '전자제품', quantity: 1, price: '25,000원' }],
  };
  it('standardises a snake_case purchase to the one form, with occurredAt in Korea time', () => {
    const r = standardisePurchase(snake);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ purchaseId: 'o-1', userId: 'U000001', occurredAt: '2026-12-02T14:03:00.000+09:00', amount: 25000, paymentMethod: 'CARD',
      buyer: { name: '김 민준', age: 34, gender: 'M' }, items: [{ productId: 'P1', price: 25000, quantity: 1 }] });
  });
  it('names every field that is wrong', () => {
    const r = standardisePurchase({ ...snake, amount: '1,0000', buyer: { ...snake.buyer, age: 'old' }, items: [] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toMatch(/^amount: .*1,0000/);
    expect(r.reason).toMatch(/buyer\.age: /);
    expect(r.reason).toMatch(/items: /);
  });
  it('standardises a behaviour and refuses an unknown action', () => {
    const ok = standardisePromoBehavior({ eventId: 'b-1', user_id: 'U1', promotion_id: 7, action: 'CLICK', occurred_at: T });
    expect(ok).toEqual({ ok: true, value: { eventId: 'b-1', userId: 'U1', promotionId: '7', action: 'click', occurredAt: '2026-12-02T14:03:00.000+09:00' } });
    const bad = standardisePromoBehavior({ eventId: 'b-2', userId: 'U1', promotionId: 'P', action: 'like', occurredAt: T });
    expect(bad.ok ? '' : bad.reason).toMatch(/^action: /);
  });
});
