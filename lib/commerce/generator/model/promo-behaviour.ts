/**
 * Shoppers seeing and clicking promotions (seed 001's promo_behavior), as the shop generator makes them.
 *
 * Views are far more common than clicks: each cart comes with VIEWS_PER_CART views on average, spread over the
 * running promotions and over the shop's users (POOL_VIEW_SHARE of them by the pool's shoppers of the moment, the
 * rest by anyone), and a view is a click with the channel's click rate. A click is what
 * the seed's propensity calls the marketing boost: the user who clicked is likely to buy within minutes. Here a
 * share of carts (CLICK_BUYER_SHARE) goes to a user who clicked in the last few minutes, if any, instead of the
 * shop's own pick; such a purchase is "caused" by that click. That is the generator's ground truth: it counts
 * them, and every one of them must come out promotion-affected (its click is inside the 5-minute window). Many
 * other purchases also follow some view by chance; the rule decides those, not the generator.
 */
import { chance, pick, uniform, type Rng } from './rng';

export type Channel = 'BANNER' | 'PUSH' | 'SEARCH';
export interface RunningPromotion { id: string; channel: Channel }

export const PROMO_MODEL = {
  viewsPerCart: 2,
  clickRate: { BANNER: 0.03, PUSH: 0.06, SEARCH: 0.1 } satisfies Record<Channel, number>,
  /** share of views by the shoppers of the moment (the pool); the rest by any shop user, who will not buy now */
  poolViewShare: 0.3,
  /** share of carts bought by a user who clicked a promotion within BOOST_MS */
  clickBuyerShare: 0.2,
  /** how long a click lifts its user: a purchase follows between 5 s and 4 min after it */
  boostMs: 4 * 60_000,
  minLagMs: 5_000,
} as const;

export interface Behaviour { userId: string; promotionId: string; action: 'view' | 'click'; at: Date }

interface Clicker<U> { user: U; at: number }

export class PromoBehaviourModel<U extends { id: string }> {
  private clickers: Clicker<U>[] = [];
  /** event time of the click behind the last buyer clickedBuyer returned */
  lastClickAt: number | null = null;
  readonly counts = { views: 0, clicks: 0, clickDrivenPurchases: 0 };

  constructor(private readonly rng: Rng) {}

  /**
   * The views and clicks that go with `carts` carts, spread over the `spanMs` before `now`. Users are drawn from
   * `users` (the shop's pool), promotions from those running.
   */
  browse(users: readonly U[], promotions: readonly RunningPromotion[], carts: number, now: Date, spanMs: number, anyUser?: () => string): Behaviour[] {
    if (!users.length || !promotions.length || carts <= 0) return [];
    const expected = carts * PROMO_MODEL.viewsPerCart;
    // whole views plus one more with the fraction's chance, so small ticks still average out
    const n = Math.floor(expected) + (chance(this.rng, expected % 1) ? 1 : 0);
    const out: Behaviour[] = [];
    for (let i = 0; i < n; i++) {
      const user = !anyUser || chance(this.rng, PROMO_MODEL.poolViewShare) ? pick(this.rng, users) : null;
      const userId = user?.id ?? anyUser!();
      const promotion = pick(this.rng, promotions);
      const at = new Date(now.getTime() - Math.floor(uniform(this.rng, 0, spanMs)));
      out.push({ userId, promotionId: promotion.id, action: 'view', at });
      this.counts.views++;
      if (chance(this.rng, PROMO_MODEL.clickRate[promotion.channel])) {
        // the click follows its view within a few seconds, never after now
        const clickAt = new Date(Math.min(now.getTime(), at.getTime() + Math.floor(uniform(this.rng, 500, 8_000))));
        out.push({ userId, promotionId: promotion.id, action: 'click', at: clickAt });
        this.counts.clicks++;
        // only a shopper of the pool can be brought back to buy now
        if (user) this.clickers.push({ user, at: clickAt.getTime() });
      }
    }
    return out;
  }

  /**
   * The next buyer, if a click brings one: with CLICK_BUYER_SHARE, a user who clicked between 5 s and 4 min ago
   * (each click brings at most one purchase). null = the shop picks as usual.
   */
  clickedBuyer(now: Date): U | null {
    const t = now.getTime();
    this.clickers = this.clickers.filter((c) => t - c.at <= PROMO_MODEL.boostMs);
    if (!this.clickers.length || !chance(this.rng, PROMO_MODEL.clickBuyerShare)) return null;
    const ready = this.clickers.findIndex((c) => t - c.at >= PROMO_MODEL.minLagMs);
    if (ready < 0) return null;
    const [c] = this.clickers.splice(ready, 1);
    this.counts.clickDrivenPurchases++;
    this.lastClickAt = c!.at;
    return c!.user;
  }
}
