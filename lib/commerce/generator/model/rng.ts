/**
 * A small seeded random number generator and the draws the shop model needs.
 * Everything in ./model takes an Rng, so a fixed seed gives the same shop
 * (tests, the catalogue seed's fixed users, a reproducible history run).
 */
import type { Rng } from '../../../platform/random';

export { mulberry32, type Rng } from '../../../platform/random';

/** A seed for a child generator (e.g. faker's), drawn from this one. */
export const childSeed = (rng: Rng): number => Math.floor(rng() * 4294967296);

export const uniform = (rng: Rng, min: number, max: number): number => min + (max - min) * rng();

/** Integer in [min, max], both included. */
export const intBetween = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

export const chance = (rng: Rng, p: number): boolean => rng() < p;

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (!items.length) throw new RangeError('pick from an empty list');
  return items[Math.floor(rng() * items.length)]!;
}

/** Index drawn with probability weights[i] / sum; linear, for short lists. */
export function weightedIndex(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  if (!(total > 0)) throw new RangeError('weights sum to zero');
  let r = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  // rounding: the last item with a positive weight
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i]! > 0) return i;
  return weights.length - 1;
}

export function weightedPick<T>(rng: Rng, items: readonly T[], weights: readonly number[]): T {
  return items[weightedIndex(rng, weights)]!;
}

/** Precomputed cumulative weights: O(log n) per draw, for the pool's 1000 users and products. */
export class WeightedTable<T> {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(readonly items: readonly T[], weightOf: (item: T, i: number) => number) {
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    items.forEach((item, i) => {
      const w = weightOf(item, i);
      sum += w > 0 && Number.isFinite(w) ? w : 0;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  get size(): number {
    return this.items.length;
  }

  draw(rng: Rng): T {
    if (!(this.total > 0)) throw new RangeError('nothing to draw: every weight is zero');
    const r = rng() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

/**
 * Beta(2, 5): the 2nd smallest of 6 independent uniforms has exactly this law
 * (order statistic k of n uniforms is Beta(k, n + 1 - k)). Mean 2/7.
 */
export function beta25(rng: Rng): number {
  let a = Infinity; // smallest
  let b = Infinity; // second smallest
  for (let i = 0; i < 6; i++) {
    const u = rng();
    if (u < a) {
      b = a;
      a = u;
    } else if (u < b) b = u;
  }
  return b;
}

/** floor(x) or floor(x) + 1 with the fractional part as probability, so the mean is x. */
export function stochasticRound(rng: Rng, x: number): number {
  const f = Math.floor(x);
  return f + (rng() < x - f ? 1 : 0);
}
