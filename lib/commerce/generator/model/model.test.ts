import { describe, expect, it } from 'vitest';
import { CATEGORIES, PAYMENT_METHODS } from '../../catalogue/categories';
import { CATEGORY_RULES } from './catalogue-rules';
import { cartDiscount, cartSize, lineQuantity, paymentMethod, productWeight } from './cart';
import { hourlyMultiplier, intensity, nextBurst, seedPaceSeconds } from './pace';
import { isPremium, listPriceOf, makeProduct, priceOf } from './product';
import { basePropensity, buyerWeight, drawBoosts, propensity, timeOfDayMultiplier, type Shopper } from './propensity';
import { mulberry32 } from './rng';
import { scenarioById } from './scenarios';
import { backdatedCreatedAt, newUserSchedule, UserFactory, userId } from './user';
import { UserRegistered, ProductListed } from '../../../platform/events/commerce';

const N = 20_000;
const share = (xs: unknown[], v: unknown) => xs.filter((x) => x === v).length / xs.length;

describe('propensity', () => {
  const vip: Shopper = { gender: 'F', age: 34, status: 'ACTIVE', marketingConsent: true, grade: 'VIP' };
  const quiet: Shopper = { gender: 'M', age: 55, status: 'DORMANT', marketingConsent: false, grade: 'BRONZE' };
  const teen: Shopper = { gender: 'M', age: 17, status: 'ACTIVE', marketingConsent: false, grade: 'BRONZE' };

  it('sums the base from age, gender, status, consent and grade (47..100)', () => {
    expect(basePropensity(vip)).toBe(25 + 15 + 20 + 15 + 25); // 100
    expect(basePropensity(quiet)).toBe(18 + 12 + 5 + 8 + 10); // 53
    expect(basePropensity(teen)).toBe(12 + 12 + 20 + 8 + 10); // 62
  });

  it('multiplies by time of day, marketing boost and life event', () => {
    const none = { marketing: 1, lifeEvent: 1 };
    expect(propensity(vip, 20, none)).toBeCloseTo(100 * 1.8);
    expect(propensity(vip, 3, none)).toBeCloseTo(100 * 0.1);
    expect(propensity(quiet, 10, none)).toBeCloseTo(53 * 1.5);
    expect(propensity(teen, 21, { marketing: 1.3, lifeEvent: 3 })).toBeCloseTo(62 * 1.8 * 1.3 * 3);
    expect(timeOfDayMultiplier(17, 0)).toBe(0.8);
    expect(timeOfDayMultiplier(65, 9)).toBe(1.3);
  });

  it('weighs buyers by scenario gender / 50 and age / 20', () => {
    const none = { marketing: 1, lifeEvent: 1 };
    // scenario 2: M 85, 10대 25
    expect(buyerWeight(teen, 20, none, scenarioById(2))).toBeCloseTo(62 * 1.6 * (85 / 50) * (25 / 20));
  });

  it('boosts 20% of consenting shoppers and gives life events at 85/12/3', () => {
    const rng = mulberry32(11);
    const b = Array.from({ length: N }, () => drawBoosts(rng, true));
    expect(share(b.map((x) => x.marketing), 1.3)).toBeCloseTo(0.2, 1);
    expect(share(b.map((x) => x.lifeEvent), 3)).toBeCloseTo(0.03, 1);
    expect(share(b.map((x) => x.lifeEvent), 1.5)).toBeCloseTo(0.12, 1);
    expect(drawBoosts(rng, false).marketing).toBe(1);
  });
});

describe('carts', () => {
  it('has 1-10 lines with mean 3.37', () => {
    const rng = mulberry32(5);
    const sizes = Array.from({ length: N }, () => cartSize(rng));
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBe(10);
    expect(sizes.reduce((s, x) => s + x, 0) / N).toBeGreaterThan(3.3);
    expect(sizes.reduce((s, x) => s + x, 0) / N).toBeLessThan(3.45);
    expect(share(sizes, 1)).toBeCloseTo(0.25, 1);
  });

  it('pays by age: card 45% under 30, 75% from 50, bank 15% from 50', () => {
    const rng = mulberry32(6);
    const young = Array.from({ length: N }, () => paymentMethod(rng, 24));
    const old = Array.from({ length: N }, () => paymentMethod(rng, 57));
    const forties = Array.from({ length: N }, () => paymentMethod(rng, 44));
    expect(Math.abs(share(young, 'Card') - 0.45)).toBeLessThan(0.015);
    expect(Math.abs(share(young, 'NaverPay') - 0.25)).toBeLessThan(0.015);
    expect(Math.abs(share(old, 'Card') - 0.75)).toBeLessThan(0.015);
    expect(Math.abs(share(old, 'Bank') - 0.15)).toBeLessThan(0.015);
    expect(Math.abs(share(forties, 'Card') - 0.65)).toBeLessThan(0.015);
    expect(new Set(young)).toEqual(new Set(PAYMENT_METHODS));
  });

  it('discounts up to 10% of the subtotal, as an integer', () => {
    const rng = mulberry32(8);
    for (let i = 0; i < 1000; i++) {
      const d = cartDiscount(rng, 123_456);
      expect(Number.isInteger(d) && d >= 0 && d <= 12_345).toBe(true);
    }
  });

  it('takes quantities from the category rule, reshaped by the scenario', () => {
    const rng = mulberry32(12);
    const base = Array.from({ length: N }, () => lineQuantity(rng, '세제/위생', scenarioById(0)));
    expect(Math.max(...base)).toBe(6);
    expect(Math.abs(share(base, 1) - 0.15)).toBeLessThan(0.015);
    const night = Array.from({ length: N }, () => lineQuantity(rng, '세제/위생', scenarioById(19)));
    expect(Math.max(...night)).toBeLessThanOrEqual(4); // scenario 19 gives 5 (and so 6) weight 0
    expect(share(night, 1)).toBeGreaterThan(0.6);
    const it = Array.from({ length: N }, () => lineQuantity(rng, 'IT/게이밍', scenarioById(14)));
    expect(Math.max(...it)).toBe(2);
  });

  it('weighs products by category weight x order frequency / 10', () => {
    expect(productWeight('IT/게이밍', scenarioById(2))).toBeCloseTo(35 * 0.4);
    expect(productWeight('세제/위생', scenarioById(0))).toBeCloseTo(8 * 2.2);
  });
});

describe('products', () => {
  it('prices within [min, 1.5 max], floored to 100 won; premium brands dearer', () => {
    const rng = mulberry32(21);
    for (const c of CATEGORIES) {
      const { priceMin, priceMax } = CATEGORY_RULES[c];
      for (let i = 0; i < 500; i++) {
        const p = priceOf(rng, c, CATEGORY_RULES[c].brands[0] ?? null);
        expect(p % 100).toBe(0);
        expect(p).toBeGreaterThanOrEqual(priceMin);
        expect(p).toBeLessThanOrEqual(1.5 * priceMax);
      }
    }
    const mean = (brand: string) => Array.from({ length: N }, () => priceOf(rng, '생활가전', brand)).reduce((s, x) => s + x, 0) / N;
    // E[price] ≈ (min + 2/7 (max - min)) x E[mult]: premium x1.55, else x0.9
    const expected = 500_000 + (2 / 7) * 4_500_000;
    expect(isPremium('삼성') && !isPremium('쿠쿠')).toBe(true);
    expect(mean('삼성') / expected).toBeCloseTo(1.55, 1);
    expect(mean('쿠쿠') / expected).toBeCloseTo(0.9, 1);
  });

  it('shows a higher list price on 40% of products', () => {
    const rng = mulberry32(22);
    const lp = Array.from({ length: N }, () => listPriceOf(rng, 50_000));
    expect(lp.filter((x) => x > 50_000).length / N).toBeCloseTo(0.4, 1);
    expect(lp.every((x) => x % 100 === 0 && x >= 50_000 && x <= 80_000)).toBe(true);
  });

  it('makes valid ProductListed payloads, 30% with a prefix', () => {
    const rng = mulberry32(23);
    const ps = Array.from({ length: 2000 }, () => makeProduct(rng, { createdAt: new Date('2026-12-02T00:00:00Z') }));
    for (const p of ps) ProductListed.payload.parse(p);
    expect(ps.filter((p) => p.name.startsWith('[')).length / ps.length).toBeCloseTo(0.3, 1);
    expect(ps.every((p) => /^P[0-9a-f]{8}$/.test(p.productId))).toBe(true);
    expect(ps.filter((p) => p.category === '신선(과일/채소)').every((p) => p.brand === null)).toBe(true);
  });
});

describe('users', () => {
  const now = new Date('2026-12-02T03:00:00Z');

  it('makes the same valid users from the same seed, with ids from the counter', () => {
    const make = () => {
      const rng = mulberry32(1);
      const f = new UserFactory(rng);
      return Array.from({ length: 50 }, (_, i) => f.make({ seq: i + 1, createdAt: backdatedCreatedAt(rng, now), now }));
    };
    const a = make();
    expect(make()).toEqual(a);
    for (const u of a) UserRegistered.payload.parse(u);
    expect(a[0]!.userId).toBe('U_00000001');
    expect(userId(10_000)).toBe('U_00010000');
  });

  it('draws ages 15-60 with a small teen band, 20% dormant, consent 50/50', () => {
    const rng = mulberry32(2);
    const f = new UserFactory(rng);
    const us = Array.from({ length: 5000 }, (_, i) => f.make({ seq: i + 1, createdAt: now, now }));
    const ages = us.map((u) => u.age);
    expect(Math.min(...ages)).toBe(15);
    expect(Math.max(...ages)).toBe(60);
    expect(us.filter((u) => u.age < 20).length / us.length).toBeCloseTo(5 / 105, 1);
    expect(us.filter((u) => u.status === 'DORMANT').length / us.length).toBeCloseTo(0.2, 1);
    expect(us.filter((u) => u.marketingConsent).length / us.length).toBeCloseTo(0.5, 1);
    expect(us.filter((u) => u.province === '경기').length / us.length).toBeCloseTo(25 / 100, 1);
  });

  it('signs up new users on the decay curve', () => {
    expect(newUserSchedule(0)).toEqual({ batch: 10, intervalMs: 10_000 });
    expect(newUserSchedule(1).batch).toBe(5);
    expect(newUserSchedule(1).intervalMs / 1000).toBeCloseTo(59.6, 0);
    expect(newUserSchedule(3)).toMatchObject({ batch: 1 });
    expect(newUserSchedule(3).intervalMs / 1000).toBeCloseTo(101.9, 0);
    expect(newUserSchedule(10).intervalMs / 1000).toBeCloseTo(120, 0);
  });
});

describe('pace', () => {
  const meanRate = (rng: () => number, id: number, pace: Parameters<typeof nextBurst>[2], hour: number) => {
    let carts = 0;
    let ms = 0;
    for (let i = 0; i < N; i++) {
      const b = nextBurst(rng, scenarioById(id), pace, hour);
      carts += b.carts;
      ms += b.gapMs;
    }
    return carts / (ms / 1000);
  };

  it('keeps the seed pace: a cart every 3-5 s / hourly multiplier within [1, 30] s', () => {
    const rng = mulberry32(31);
    expect(hourlyMultiplier(20)).toBe(3);
    for (let i = 0; i < 1000; i++) {
      const s = seedPaceSeconds(rng, 14);
      expect(s >= 3 && s <= 5).toBe(true);
      expect(seedPaceSeconds(rng, 20)).toBeGreaterThanOrEqual(1);
      expect(seedPaceSeconds(rng, 3)).toBe(30);
    }
  });

  it('runs the baseline at the seed pace, busy scenarios faster, at night slower', () => {
    const rng = mulberry32(32);
    // baseline at 14h: 1 / E[U(3,5)] ≈ 0.25 carts/s (E[1/U] ≈ 0.255)
    expect(meanRate(rng, 0, { kind: 'seed' }, 14)).toBeGreaterThan(0.2);
    expect(meanRate(rng, 0, { kind: 'seed' }, 14)).toBeLessThan(0.3);
    expect(intensity(scenarioById(3))).toBeGreaterThan(20);
    expect(meanRate(rng, 3, { kind: 'seed' }, 14) / meanRate(rng, 0, { kind: 'seed' }, 14)).toBeGreaterThan(15);
    expect(meanRate(rng, 19, { kind: 'seed' }, 3)).toBeCloseTo(1 / 30, 2);
  });

  it('honours an explicit rate on average, in bursts shaped by the scenario', () => {
    const rng = mulberry32(33);
    for (const id of [0, 3, 19]) expect(meanRate(rng, id, { kind: 'rate', cartsPerSecond: 1500 }, 12) / 1500).toBeCloseTo(1, 1);
    const bursts = Array.from({ length: 2000 }, () => nextBurst(rng, scenarioById(3), { kind: 'rate', cartsPerSecond: 100 }, 12));
    const peaks = bursts.filter((b) => b.peak);
    expect(peaks.length / bursts.length).toBeCloseTo(0.3, 1);
    const avg = (bs: typeof bursts) => bs.reduce((s, b) => s + b.carts, 0) / bs.length;
    expect(avg(peaks) / avg(bursts.filter((b) => !b.peak))).toBeGreaterThan(2);
  });

  it('spreads a load rate over the second: bursts every ~50 ms, no peak of seconds of carts at once', () => {
    const rng = mulberry32(34);
    for (const id of [0, 3, 19]) {
      const bursts = Array.from({ length: 4000 }, () => nextBurst(rng, scenarioById(id), { kind: 'rate', cartsPerSecond: 1500 }, 12));
      const meanGap = bursts.reduce((s, b) => s + b.gapMs, 0) / bursts.length;
      expect(meanGap).toBeGreaterThan(40);
      expect(meanGap).toBeLessThan(60);
      expect(Math.max(...bursts.map((b) => b.carts))).toBeLessThan(1500);
    }
    // below 20 carts/s a burst is about one cart
    const slow = Array.from({ length: 4000 }, () => nextBurst(rng, scenarioById(0), { kind: 'rate', cartsPerSecond: 5 }, 12));
    expect(slow.reduce((s, b) => s + b.carts, 0) / slow.length).toBeCloseTo(1, 0);
  });
});
