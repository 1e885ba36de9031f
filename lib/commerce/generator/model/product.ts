import { CATEGORIES, type Category } from '../../catalogue/categories';
import { CATEGORY_RULES, NAME_PREFIXES, PREMIUM_BRANDS } from './catalogue-rules';
import { beta25, chance, intBetween, pick, uniform, type Rng } from './rng';
import type { ProductListedPayload } from './types';

/** "P" + 8 hex digits from the RNG. 2^32 ids: a clash among 20,000 is possible, callers that keep a set re-draw. */
export function productId(rng: Rng): string {
  return `P${Math.floor(rng() * 4294967296).toString(16).padStart(8, '0')}`;
}

export const isPremium = (brand: string | null): boolean => brand != null && PREMIUM_BRANDS.has(brand);

/**
 * The seed's price rule: a Beta(2,5) point of the category's range (cheap items are
 * common, dear ones rare), times a brand multiplier (premium 1.3-1.8, else 0.7-1.1),
 * kept within [min, 1.5 x max] and floored to 100 won.
 */
export function priceOf(rng: Rng, category: Category, brand: string | null): number {
  const { priceMin: min, priceMax: max } = CATEGORY_RULES[category];
  const mult = isPremium(brand) ? uniform(rng, 1.3, 1.8) : uniform(rng, 0.7, 1.1);
  const raw = (min + beta25(rng) * (max - min)) * mult;
  return Math.floor(Math.min(Math.max(raw, min), 1.5 * max) / 100) * 100;
}

/** 40% of products show a list price 1.1-1.6x above the price (floored to 100 won); the rest sell at list price. */
export function listPriceOf(rng: Rng, price: number): number {
  return chance(rng, 0.4) ? Math.max(price, Math.floor((price * uniform(rng, 1.1, 1.6)) / 100) * 100) : price;
}

export interface ProductOptions {
  createdAt: Date;
  category?: Category;
  /** id to use instead of a random one (the caller checked it is free) */
  id?: string;
}

export function makeProduct(rng: Rng, o: ProductOptions): ProductListedPayload {
  const category = o.category ?? pick(rng, CATEGORIES);
  const rule = CATEGORY_RULES[category];
  const brand = rule.brands.length ? pick(rng, rule.brands) : null;
  const premium = isPremium(brand);
  const price = priceOf(rng, category, brand);
  const listPrice = listPriceOf(rng, price);
  const item = pick(rng, rule.items);
  const keyword = pick(rng, rule.keywords);
  const prefix = chance(rng, 0.3) ? `${pick(rng, NAME_PREFIXES)} ` : '';
  const name = `${prefix}${brand ? `${brand} ` : ''}${keyword} ${item}`;
  return {
    productId: o.id ?? productId(rng),
    category,
    name,
    brand,
    price,
    listPrice,
    discountRate: Math.round((1 - price / listPrice) * 10_000) / 10_000,
    description: `${brand ?? '산지'} ${item} (${keyword}) - ${category}`,
    rating: Math.round((premium ? uniform(rng, 4.0, 5.0) : uniform(rng, 3.0, 4.8)) * 10) / 10,
    reviewCount: premium ? intBetween(rng, 50, 2500) : intBetween(rng, 0, 500),
    stock: intBetween(rng, 0, 500),
    createdAt: o.createdAt.toISOString(),
  };
}

/** A new product is listed every 6-8 s (seed). */
export const newProductGapMs = (rng: Rng): number => uniform(rng, 6_000, 8_000);
