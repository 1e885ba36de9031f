import { ageGroupOf, PAYMENT_METHODS, type Category, type PaymentMethod } from '../../catalogue/categories';
import { CATEGORY_RULES } from './catalogue-rules';
import { pick, uniform, weightedIndex, type Rng } from './rng';
import type { Scenario } from './scenarios';

/** Lines per cart, 1..10 at 25,20,15,12,10,7,5,3,2,1 (mean 3.37). */
export const CART_SIZE_WEIGHTS = [25, 20, 15, 12, 10, 7, 5, 3, 2, 1] as const;
export const cartSize = (rng: Rng): number => weightedIndex(rng, CART_SIZE_WEIGHTS) + 1;

/** Payment mix by age (seed), in PAYMENT_METHODS order Card, NaverPay, KakaoPay, Bank. */
const PAYMENT_BY_AGE: { maxAge: number; weights: readonly [number, number, number, number] }[] = [
  { maxAge: 29, weights: [45, 25, 20, 10] },
  { maxAge: 39, weights: [50, 20, 20, 10] },
  { maxAge: 49, weights: [65, 10, 15, 10] },
  { maxAge: Infinity, weights: [75, 5, 5, 15] },
];

export function paymentMethod(rng: Rng, age: number): PaymentMethod {
  const row = PAYMENT_BY_AGE.find((r) => age <= r.maxAge)!;
  return PAYMENT_METHODS[weightedIndex(rng, row.weights)]!;
}

/** One shipping fee per cart (the seed drew one per line): 0, 2,500 or 3,000 won, equally likely. */
export const SHIPPING_FEES = [0, 2_500, 3_000] as const;
export const shippingFee = (rng: Rng): number => pick(rng, SHIPPING_FEES);

/** One discount per cart: int(subtotal x U(0, 0.1)) (the seed drew one per line on price x qty). */
export const cartDiscount = (rng: Rng, subtotal: number): number => Math.floor(subtotal * uniform(rng, 0, 0.1));

/**
 * Quantity of one line. The category's own rule (e.g. 세제 1-6, IT 1-2) reshaped by
 * the scenario's quantity weights for 1..5 (6 uses the weight of 5): weight(q) =
 * category(q) x scenario(q). So 육아맘 (30,25,20,15,10) buys detergent by the
 * half-dozen more often, 심야 (90,7,2,1,0) almost always one, and a laptop stays
 * one or two whatever the scenario. The baseline's weights are flat: the rule alone.
 */
export function lineQuantity(rng: Rng, category: Category, s: Scenario): number {
  const rule = CATEGORY_RULES[category];
  const w = rule.qty.map((q, i) => rule.qtyWeights[i]! * (s.qty[Math.min(q, s.qty.length) - 1] ?? 0));
  return rule.qty[w.some((x) => x > 0) ? weightedIndex(rng, w) : 0]!;
}

/** A product's weight in a scenario: category weight x (order_frequency / 10). */
export function productWeight(category: Category, s: Scenario): number {
  return s.categories[category] * (CATEGORY_RULES[category].orderFrequency / 10);
}

export { ageGroupOf };
