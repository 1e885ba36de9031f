/**
 * Seeded draws for the people simulator, over the platform's generator (lib/platform/random.ts). Its own draws rather
 * than commerce's: a system does not reach into another system's code, and this one needs unique-number allocation.
 */
import type { Rng } from '../../platform/random';

export { mulberry32, type Rng } from '../../platform/random';

/** Integer in [min, max], both included. */
export const intBetween = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

export const chance = (rng: Rng, p: number): boolean => p > 0 && rng() < p;

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (!items.length) throw new RangeError('pick from an empty list');
  return items[Math.floor(rng() * items.length)]!;
}

/** Cumulative weights, O(log n) a draw. */
export class Weighted<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(readonly items: readonly T[], weights: readonly number[]) {
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    items.forEach((_, i) => {
      sum += Math.max(0, weights[i] ?? 0);
      this.cumulative[i] = sum;
    });
    if (!(sum > 0)) throw new RangeError('every weight is zero');
    this.total = sum;
  }

  static of<T>(pairs: readonly (readonly [T, number])[]): Weighted<T> {
    return new Weighted(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
  }

  draw(rng: Rng): T {
    const r = rng() * this.total;
    let lo = 0, hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Hands out distinct numbers of [0, size) in a scrambled order: i -> (a * i + b) mod size with a coprime to size, a
 * bijection. Random draws would collide (a million mobiles among 10^8 give about 5,000 pairs of strangers sharing
 * one, which the ground truth would then call different people on the same phone: noise nobody asked for).
 */
export class UniqueNumbers {
  private next = 0;
  private readonly a: number;
  private readonly b: number;

  constructor(rng: Rng, readonly size: number) {
    let a = Math.floor(size * (0.3 + 0.4 * rng())) | 1;
    while (gcd(a, size) !== 1) a += 2;
    this.a = a;
    this.b = Math.floor(rng() * size);
  }

  take(): number {
    if (this.next >= this.size) throw new RangeError(`all ${this.size} numbers handed out`);
    const i = this.next++;
    // a * i can pass 2^53 for sizes near 10^8: multiply in two halves
    const hi = Math.floor(i / 65536), lo = i % 65536;
    return (((this.a * hi) % this.size) * 65536 + this.a * lo + this.b) % this.size;
  }
}
