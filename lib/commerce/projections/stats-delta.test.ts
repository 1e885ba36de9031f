import { describe, expect, it } from 'vitest';
import type { OrderPlacedPayload } from '../sinks/orders';
import type { UserRegisteredPayload } from '../sinks/users';
import { koreaDayOf, minuteOf, statsDelta } from './stats-delta';

const order = (orderedAt: string, age: number, lines: [string, number, number][], extra: Partial<OrderPlacedPayload> = {}): OrderPlacedPayload => {
  const ls = lines.map(([category, quantity, unitPrice], i) => ({ lineNo: i + 1, productId: 'P0000000a', productName: 'x', category, quantity, unitPrice, amount: quantity * unitPrice }));
  const subtotal = ls.reduce((s, l) => s + l.amount, 0);
  return { orderId: '0190a000-0000-7000-8000-000000000001', userId: 'U_00000001', orderedAt, paymentMethod: 'Card', subtotal, shippingFee: 3000, discount: 0,
    total: subtotal + 3000, scenarioId: 0, buyer: { name: '김민준', gender: 'M', age, province: '서울' }, lines: ls, ...extra } as OrderPlacedPayload;
};

describe('statsDelta', () => {
  it('buckets by the minute of order time and by the Korea calendar day', () => {
    expect(minuteOf('2026-12-02T14:59:59.999Z')).toBe('2026-12-02T14:59:00.000Z');
    // 15:00 UTC is midnight in Seoul: the next day there
    expect(koreaDayOf('2026-12-02T14:59:59.999Z')).toBe('2026-12-02');
    expect(koreaDayOf('2026-12-02T15:00:00.000Z')).toBe('2026-12-03');
  });

  it('counts carts once and lines per line, revenue as the order total, category revenue as line amounts', () => {
    const d = statsDelta(
      [order('2026-12-02T01:00:10Z', 25, [['스킨케어', 2, 10_000], ['IT/게이밍', 1, 500_000]]), order('2026-12-02T01:00:50Z', 55, [['스킨케어', 1, 20_000]], { paymentMethod: 'Bank' })],
      [],
    );
    expect(d.minutes.get('2026-12-02T01:00:00.000Z')).toEqual({ carts: 2, lines: 3, revenue: 520_000 + 3000 + 20_000 + 3000, newUsers: 0 });
    expect(d.categories.get('2026-12-02T01:00:00.000Z|스킨케어')).toEqual({ lines: 2, quantity: 3, revenue: 40_000 });
    expect(d.categories.get('2026-12-02T01:00:00.000Z|IT/게이밍')).toEqual({ lines: 1, quantity: 1, revenue: 500_000 });
    expect(d.payments.get('20대|Card')).toEqual({ carts: 1, revenue: 523_000 });
    expect(d.payments.get('50대이상|Bank')).toEqual({ carts: 1, revenue: 23_000 });
    expect(d.days.get('2026-12-02')!.carts).toBe(2);
  });

  it('counts new users in the minute and day they registered', () => {
    const u = { createdAt: '2026-12-02T15:30:00Z' } as UserRegisteredPayload;
    const d = statsDelta([], [u, u]);
    expect(d.minutes.get('2026-12-02T15:30:00.000Z')!.newUsers).toBe(2);
    expect(d.days.get('2026-12-03')!.newUsers).toBe(2);
  });
});
