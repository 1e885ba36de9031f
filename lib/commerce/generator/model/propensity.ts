import { ageGroupOf, type AgeGroup, type Grade } from '../../catalogue/categories';
import { chance, weightedPick, type Rng } from './rng';
import type { Scenario } from './scenarios';

/** What propensity needs to know of a shopper. */
export interface Shopper {
  gender: 'M' | 'F';
  age: number;
  status: 'ACTIVE' | 'DORMANT';
  marketingConsent: boolean;
  grade: Grade;
}

const AGE_BASE: Record<AgeGroup, number> = { '10대': 12, '20대': 20, '30대': 25, '40대': 22, '50대이상': 18 };
const GRADE_BASE: Record<Grade, number> = { VIP: 25, GOLD: 20, SILVER: 15, BRONZE: 10 };

/** Base propensity of seed 002, a sum of 47..100: age group + gender + status + consent + grade. */
export function basePropensity(u: Shopper): number {
  return (AGE_BASE[ageGroupOf(u.age)] ?? 15) + (u.gender === 'F' ? 15 : 12) + (u.status === 'ACTIVE' ? 20 : 5) +
    (u.marketingConsent ? 15 : 8) + GRADE_BASE[u.grade];
}

/** Time-of-day multiplier by Korea-time hour, columns 10대 / 20대 / 30대 / 40대 / 50대이상. */
const TIME_OF_DAY: readonly (readonly [number, number, number, number, number])[] = [
  [0.8, 0.7, 0.3, 0.2, 0.1], [0.5, 0.4, 0.1, 0.1, 0.1], [0.2, 0.2, 0.1, 0.1, 0.1], [0.1, 0.1, 0.1, 0.1, 0.1],
  [0.1, 0.1, 0.1, 0.1, 0.1], [0.1, 0.1, 0.1, 0.2, 0.3], [0.2, 0.2, 0.3, 0.4, 0.5], [0.3, 0.4, 0.5, 0.6, 0.8],
  [0.4, 0.6, 0.7, 0.8, 1.0], [0.5, 0.7, 0.9, 1.0, 1.3], [0.6, 0.8, 1.0, 1.2, 1.5], [0.7, 1.0, 1.2, 1.3, 1.6],
  [0.9, 1.3, 1.4, 1.4, 1.4], [0.8, 1.1, 1.2, 1.2, 1.2], [0.7, 0.9, 1.0, 1.0, 1.0], [0.8, 0.8, 0.9, 0.9, 0.9],
  [0.9, 0.9, 0.8, 0.8, 0.8], [1.0, 1.0, 0.9, 0.9, 0.7], [1.2, 1.3, 1.1, 1.1, 0.8], [1.4, 1.5, 1.5, 1.4, 1.0],
  [1.6, 1.7, 1.8, 1.6, 1.1], [1.8, 1.8, 1.6, 1.3, 0.8], [1.5, 1.5, 1.0, 0.8, 0.5], [1.2, 1.0, 0.5, 0.4, 0.2],
];
const GROUP_INDEX: Record<AgeGroup, number> = { '10대': 0, '20대': 1, '30대': 2, '40대': 3, '50대이상': 4 };

export function timeOfDayMultiplier(age: number, hour: number): number {
  return TIME_OF_DAY[((hour % 24) + 24) % 24]![GROUP_INDEX[ageGroupOf(age)]]!;
}

/** The two random factors of a shopper's propensity (see drawBoosts). */
export interface Boosts {
  /** 1.3 for 20% of consenting shoppers (a campaign reached them), else 1 */
  marketing: number;
  /** 1 / 1.5 / 3 at 85 / 12 / 3 (moving house, a baby, a wedding...) */
  lifeEvent: number;
}

/**
 * Draws a shopper's boosts. The seed drew them afresh for every user on every cart;
 * we draw them when a shopper enters the pool (every refresh, 50 s), so a boosted
 * shopper stays boosted for a while, and the pool's weights can be tabled once
 * instead of recomputed for 1000 users per cart.
 */
export function drawBoosts(rng: Rng, consent: boolean): Boosts {
  return {
    marketing: consent && chance(rng, 0.2) ? 1.3 : 1,
    lifeEvent: weightedPick(rng, [1, 1.5, 3], [85, 12, 3]),
  };
}

/** final = base x time_of_day x marketing_boost x life_event (seed 002). */
export function propensity(u: Shopper, hour: number, boosts: Boosts): number {
  return basePropensity(u) * timeOfDayMultiplier(u.age, hour) * boosts.marketing * boosts.lifeEvent;
}

/**
 * How likely a shopper is to be the next buyer, relative to the others of the pool:
 * propensity x (scenario gender weight / 50) x (scenario age weight / 20), as the
 * seed's history run weighs them (its real-time producer dropped the propensity).
 */
export function buyerWeight(u: Shopper, hour: number, boosts: Boosts, s: Scenario): number {
  return propensity(u, hour, boosts) * (s.gender[u.gender] / 50) * (s.age[ageGroupOf(u.age)] / 20);
}
