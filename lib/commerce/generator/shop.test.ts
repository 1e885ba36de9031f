import { describe, expect, it } from 'vitest';
import { OrderPlaced, ProductListed, UserRegistered } from '../../platform/events/commerce';
import { makeProduct } from './model/product';
import { mulberry32 } from './model/rng';
import { scenarioById } from './model/scenarios';
import { backdatedCreatedAt, UserFactory } from './model/user';
import { composePool, MemoryPool, productOfPayload, userOfPayload } from './pool';
import { Shop, uuidV7 } from './shop';

const now = new Date('2026-12-02T11:00:00Z'); // 20:00 in Korea
const clock = { now: () => now };

function shopWith(seed: number) {
  const rng = mulberry32(seed);
  const f = new UserFactory(rng);
  const users = Array.from({ length: 3000 }, (_, i) => userOfPayload(f.make({ seq: i + 1, createdAt: backdatedCreatedAt(rng, now), now })));
  const products = Array.from({ length: 3000 }, () => productOfPayload(makeProduct(rng, { createdAt: now })));
  const pool = new MemoryPool(rng);
  const composed = composePool(users, products);
  pool.replace(composed.users, composed.products);
  return new Shop({ rng, clock, pool, nextUserSeq: 3001 });
}

describe('Shop', () => {
  it('checks out valid OrderPlaced payloads from the pool', () => {
    const shop = shopWith(1);
    const ids = new Set(shop.pool.products.map((p) => p.id));
    const userIds = new Set(shop.pool.users.map((u) => u.id));
    for (let i = 0; i < 2000; i++) {
      const o = shop.checkout(scenarioById(i % 21));
      OrderPlaced.payload.parse(o);
      expect(userIds.has(o.userId)).toBe(true);
      expect(o.lines.every((l) => ids.has(l.productId))).toBe(true);
      expect(new Set(o.lines.map((l) => l.productId)).size).toBe(o.lines.length);
      expect(o.orderedAt).toBe(now.toISOString());
    }
  });

  it('lets scenario 2 draw mostly men and IT/게이밍, scenario 1 mostly women', () => {
    const shop = shopWith(2);
    const orders = Array.from({ length: 5000 }, () => shop.checkout(scenarioById(2)));
    const men = orders.filter((o) => o.buyer.gender === 'M').length / orders.length;
    expect(men).toBeGreaterThan(0.75); // 85/15 weights on a ~50/50 pool, times propensity (F base +3)
    const lines = orders.flatMap((o) => o.lines);
    const byCat = (c: string) => lines.filter((l) => l.category === c).length / lines.length;
    // IT weight 35 x 0.4 = 14 of the scenario's ~66 product weight (at 3000 uniform products)
    expect(byCat('IT/게이밍')).toBeGreaterThan(0.15);
    expect(byCat('IT/게이밍')).toBeGreaterThan(byCat('신선(과일/채소)'));
    const women = Array.from({ length: 5000 }, () => shop.checkout(scenarioById(1))).filter((o) => o.buyer.gender === 'F').length / 5000;
    expect(women).toBeGreaterThan(0.85);
  });

  it('picks buyers by propensity: at 20:00 VIPs and 30대 more than dormant 50대', () => {
    const shop = shopWith(3);
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const id = shop.pickBuyer(scenarioById(0), 20).id;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const users = shop.pool.users;
    const avg = (pred: (u: (typeof users)[number]) => boolean) => {
      const us = users.filter(pred);
      return us.reduce((s, u) => s + (counts.get(u.id) ?? 0), 0) / us.length;
    };
    const active30 = avg((u) => u.age >= 30 && u.age < 40 && u.status === 'ACTIVE');
    const dormant50 = avg((u) => u.age >= 50 && u.status === 'DORMANT');
    // base 25+..+20 vs 18+..+5, time of day 1.8 vs 1.1, age weight 28 vs 14
    expect(active30 / dormant50).toBeGreaterThan(4);
  });

  it('signs up users and lists products that join the pool at once', () => {
    const shop = shopWith(4);
    const before = shop.pool.version;
    const [u] = shop.signUp(1);
    UserRegistered.payload.parse(u);
    expect(u!.userId).toBe('U_00003001');
    const p = shop.listProduct();
    ProductListed.payload.parse(p);
    expect(shop.pool.users.some((x) => x.id === u!.userId)).toBe(true);
    expect(shop.pool.products.some((x) => x.id === p.productId)).toBe(true);
    expect(shop.pool.version).toBe(before + 2);
  });

  it('composes the pool 400 + 600 and 300 + 700', () => {
    const shop = shopWith(5);
    for (let i = 0; i < 3000; i++) shop.checkout(scenarioById(0)); // buyers and products get orders
    const pool = shop.pool as MemoryPool;
    const newcomers = shop.signUp(500).map(userOfPayload);
    const again = composePool([...pool.users, ...newcomers], pool.products);
    expect(again.users.length).toBe(1000);
    expect(again.users.filter((u) => u.fresh).length).toBe(400);
    expect(again.users.slice(0, 400).every((u) => newcomers.some((n) => n.id === u.id))).toBe(true);
    expect(again.products.length).toBe(1000);
    expect(again.products.filter((p) => !p.fresh).length).toBeGreaterThan(600);
    const bought = again.users.filter((u) => !u.fresh);
    expect(bought.every((u, i) => i === 0 || u.lastOrderedAt! >= bought[i - 1]!.lastOrderedAt!)).toBe(true);
  });

  it('makes uuid v7 ids stamped with the clock', () => {
    const id = uuidV7(Date.parse('2025-01-01T00:00:00Z'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.parse('2025-01-01T00:00:00Z'));
  });
});
