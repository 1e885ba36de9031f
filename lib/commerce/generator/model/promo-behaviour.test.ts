import { describe, expect, it } from 'vitest';
import { PROMO_MODEL, PromoBehaviourModel, type RunningPromotion } from './promo-behaviour';
import { mulberry32 } from './rng';

const users = Array.from({ length: 1000 }, (_, i) => ({ id: `U_${String(i).padStart(8, '0')}` }));
const promotions: RunningPromotion[] = [{ id: 'PR-1', channel: 'BANNER' }, { id: 'PR-2', channel: 'PUSH' }, { id: 'PR-3', channel: 'SEARCH' }];

describe('PromoBehaviourModel', () => {
  it('makes views far more often than clicks, about viewsPerCart views a cart, none after now', () => {
    const m = new PromoBehaviourModel(mulberry32(7));
    const now = new Date('2026-12-03T05:00:00Z');
    const out = m.browse(users, promotions, 5_000, now, 60_000);
    const views = out.filter((b) => b.action === 'view').length;
    const clicks = out.length - views;
    expect(views / 5_000).toBeGreaterThan(PROMO_MODEL.viewsPerCart * 0.95);
    expect(views / 5_000).toBeLessThan(PROMO_MODEL.viewsPerCart * 1.05);
    expect(clicks / views).toBeGreaterThan(0.03);
    expect(clicks / views).toBeLessThan(0.1);
    expect(out.every((b) => b.at <= now)).toBe(true);
  });

  it('brings back a clicking user to buy 5 s to 4 min after the click, once per click, and counts it', () => {
    const m = new PromoBehaviourModel(mulberry32(11));
    const t = Date.parse('2026-12-03T05:00:00Z');
    const clicks = m.browse(users, promotions, 2_000, new Date(t), 1).filter((b) => b.action === 'click');
    expect(clicks.length).toBeGreaterThan(50);
    expect(m.clickedBuyer(new Date(t + 1_000))).toBeNull(); // too soon after the click
    const buyers = Array.from({ length: 2_000 }, () => m.clickedBuyer(new Date(t + 60_000))).filter((u) => u !== null);
    expect(buyers.length).toBe(clicks.length); // each click brings at most one purchase, and all are taken over many carts
    expect(m.counts.clickDrivenPurchases).toBe(buyers.length);
    expect(m.clickedBuyer(new Date(t + 5 * 60_000))).toBeNull(); // nothing left, and the boost is over anyway
  });

  it('lets anyone view, but brings back only the pool\'s shoppers to buy', () => {
    const m = new PromoBehaviourModel(mulberry32(3));
    const t = Date.parse('2026-12-03T05:00:00Z');
    const out = m.browse(users, promotions, 5_000, new Date(t), 1, () => 'U_99999999');
    const outsiders = out.filter((b) => b.userId === 'U_99999999');
    expect(outsiders.length / out.length).toBeGreaterThan(1 - PROMO_MODEL.poolViewShare - 0.05);
    expect(outsiders.length / out.length).toBeLessThan(1 - PROMO_MODEL.poolViewShare + 0.05);
    const buyers = Array.from({ length: 5_000 }, () => m.clickedBuyer(new Date(t + 60_000))).filter((u) => u !== null);
    expect(buyers.length).toBeGreaterThan(0);
    expect(buyers.every((u) => u.id !== 'U_99999999')).toBe(true);
  });
});
