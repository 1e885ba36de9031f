import { meanBurstCarts, nativeRate, scenarioById, type Scenario } from './scenarios';
import { chance, stochasticRound, uniform, type Rng } from './rng';

/** Order volume by Korea-time hour (seed), 0..23; sums to 23.45. */
export const HOURLY_MULTIPLIER = [
  0.15, 0.05, 0.02, 0.01, 0.01, 0.03, 0.08, 0.2, 0.5, 0.8, 1.3, 1.6, 1.4, 1.1, 1.0, 1.1, 1.2, 1.4, 1.8, 2.2, 3.0, 2.5, 1.5, 0.5,
] as const;

export const hourlyMultiplier = (hour: number): number => HOURLY_MULTIPLIER[((hour % 24) + 24) % 24]!;

/** The seed's real-time pace: one cart every U(3,5) s / hourly multiplier, clamped to [1, 30] s. */
export function seedPaceSeconds(rng: Rng, hour: number): number {
  return Math.min(30, Math.max(1, uniform(rng, 3, 5) / hourlyMultiplier(hour)));
}

/** How much busier than the baseline a scenario is by its own numbers (baseline = 1, #3 ≈ 25, #19 ≈ 0.09). */
export const intensity = (s: Scenario): number => nativeRate(s) / nativeRate(scenarioById(0));

export type Pace = { kind: 'seed' } | { kind: 'rate'; cartsPerSecond: number };

export interface Burst {
  /** wait this long after the previous burst */
  gapMs: number;
  carts: number;
  peak: boolean;
}

/**
 * The next burst of carts. A scenario's volume, interval and peak numbers drive
 * generation as they describe it: bursts of U(volume) carts every U(interval) s, a
 * burst being a peak of U(peakVolume) with probability peakP. Two things set the
 * mean rate m (carts/s) the bursts are scaled to:
 *   - seed pace: m = intensity(scenario) / seedPaceSeconds(hour), at least 1/30.
 *     The baseline runs at the seed's pace exactly (a cart every 3-5 s / hourly
 *     multiplier); 블랙프라이데이 runs ~25x busier, 심야 ~0.09x (down to one cart per
 *     30 s). The scenario's numbers drive the rate.
 *   - an explicit rate (COMMERCE_RATE or staff's rate): m = that rate. It is a load
 *     knob, so it holds on every second; the scenario still shapes the bursts.
 * Scaling: the scenario's time axis is scaled by c (gaps = U(interval) x c) and burst
 * sizes by m / native rate of the scenario x c, rounded stochastically.
 *   - seed pace: c = max(1, 1 / (m x mean interval)), stretched so a burst holds at
 *     least one cart on average. A burst is 0-2 carts and a peak 3-5.
 *   - a rate: compressed to a mean gap of 50 ms (1 / m below 20 carts/s). At 1,500
 *     carts/s a burst is ~75 carts and a peak ~270, instead of the ~3,500 carts at
 *     once the scenario's own 0.3-1.0 s gaps would give: a load rate measures what the
 *     sinks sustain, and a 3,500-cart peak would measure the depth of their queue.
 */
/** The mean gap between bursts at an explicit rate (see nextBurst). */
const LOAD_MEAN_GAP_S = 0.05;

export function nextBurst(rng: Rng, s: Scenario, pace: Pace, hour: number): Burst {
  const m = pace.kind === 'rate' ? pace.cartsPerSecond : Math.max(1 / 30, intensity(s) / seedPaceSeconds(rng, hour));
  const meanInterval = (s.interval[0] + s.interval[1]) / 2;
  const c = pace.kind === 'rate' ? Math.max(LOAD_MEAN_GAP_S, 1 / m) / meanInterval : Math.max(1, 1 / (m * meanInterval));
  const peak = chance(rng, s.peakP);
  const volume = peak ? uniform(rng, ...s.peakVolume) : uniform(rng, ...s.volume);
  // E[carts] = meanBurstCarts x m x meanInterval x c / meanBurstCarts = m x E[gap] (gap in s)
  const carts = stochasticRound(rng, (volume / meanBurstCarts(s)) * m * meanInterval * c);
  return { gapMs: uniform(rng, ...s.interval) * c * 1000, carts, peak };
}
