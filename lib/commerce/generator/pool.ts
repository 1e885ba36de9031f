import type { Category, Grade } from '../catalogue/categories';
import { drawBoosts, type Boosts, type Shopper } from './model/propensity';
import type { Rng } from './model/rng';
import type { OrderPlacedPayload, ProductListedPayload, UserRegisteredPayload } from './model/types';

/**
 * The shoppers and products the shop draws from. The live generator keeps a hot
 * pool refreshed from PostgreSQL (./hot-pool.ts); a history run on a simulated
 * clock fills a MemoryPool itself (replace()) from its own in-memory tables,
 * e.g. with composePool() for the seed's 600/400 and 700/300 split.
 */
export interface PoolUser extends Shopper {
  id: string;
  name: string;
  province: string;
  createdAt: Date;
  lastOrderedAt: Date | null;
}

export interface PoolProduct {
  id: string;
  name: string;
  category: Category;
  price: number;
  createdAt: Date;
  orderCount: number;
}

/** Which part of the pool an entry came from: never purchased/ordered, or purchased/popular. */
export type Fresh = { fresh: boolean };

export interface PoolComposition {
  /** users who bought before */
  purchased: number;
  neverPurchased: number;
  /** products ordered before */
  popular: number;
  /** products never ordered */
  new: number;
}

export interface ShopPool {
  readonly users: readonly (PoolUser & Fresh & { boosts: Boosts })[];
  readonly products: readonly (PoolProduct & Fresh)[];
  /** changes whenever users or products come or go (the shop re-tables its weights then) */
  readonly version: number;
  addUser(u: UserRegisteredPayload): void;
  addProduct(p: ProductListedPayload): void;
  /** an order just placed: buyer's lastOrderedAt and the products' counts move (in memory only) */
  noteOrder(o: OrderPlacedPayload): void;
  /** true if a product id is in use as far as the pool knows (new ids are re-drawn on a clash) */
  hasProduct(id: string): boolean;
  composition(): PoolComposition;
}

export const USER_POOL = { size: 1000, fresh: 400 } as const;
export const PRODUCT_POOL = { size: 1000, fresh: 300 } as const;

/**
 * The seed's pool rule, in memory: never-purchased users newest first up to 400, then
 * purchased users with the oldest last order first, filling to 1000; products never
 * ordered newest first up to 300, then the most ordered, filling to 1000. When the
 * second part runs short (a new shop where nobody bought yet) more of the first part
 * fills the gap, so the pool holds 1000 whenever the shop has 1000 (the seed left it short).
 */
export function composePool<U extends PoolUser, P extends PoolProduct>(users: Iterable<U>, products: Iterable<P>): { users: (U & Fresh)[]; products: (P & Fresh)[] } {
  const us = [...users];
  const ps = [...products];
  const neverBought = us.filter((u) => !u.lastOrderedAt).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const bought = us.filter((u) => u.lastOrderedAt).sort((a, b) => a.lastOrderedAt!.getTime() - b.lastOrderedAt!.getTime());
  const neverOrdered = ps.filter((p) => p.orderCount === 0).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const ordered = ps.filter((p) => p.orderCount > 0).sort((a, b) => b.orderCount - a.orderCount);
  return { users: split(neverBought, bought, USER_POOL), products: split(neverOrdered, ordered, PRODUCT_POOL) };
}

function split<T>(fresh: T[], rest: T[], limits: { size: number; fresh: number }): (T & Fresh)[] {
  const a = fresh.slice(0, limits.fresh);
  const b = rest.slice(0, limits.size - a.length);
  const c = fresh.slice(a.length, a.length + limits.size - a.length - b.length);
  return [...a.map((x) => ({ ...x, fresh: true })), ...b.map((x) => ({ ...x, fresh: false })), ...c.map((x) => ({ ...x, fresh: true }))];
}

export const userOfPayload = (u: UserRegisteredPayload): PoolUser => ({
  id: u.userId, name: u.name, gender: u.gender, age: u.age, province: u.province, status: u.status,
  marketingConsent: u.marketingConsent, grade: u.grade as Grade, createdAt: new Date(u.createdAt), lastOrderedAt: null,
});

export const productOfPayload = (p: ProductListedPayload): PoolProduct => ({
  id: p.productId, name: p.name, category: p.category, price: p.price, createdAt: new Date(p.createdAt), orderCount: 0,
});

/**
 * A pool held in memory. Shoppers' boosts (marketing x1.3, life event x1.5/x3) are
 * drawn as they enter, so they last until the next replace().
 */
export class MemoryPool implements ShopPool {
  users: (PoolUser & Fresh & { boosts: Boosts })[] = [];
  products: (PoolProduct & Fresh)[] = [];
  version = 0;
  private productIds = new Set<string>();
  private userIndex = new Map<string, PoolUser>();
  private productIndex = new Map<string, PoolProduct>();

  constructor(protected readonly rng: Rng) {}

  replace(users: readonly (PoolUser & Fresh)[], products: readonly (PoolProduct & Fresh)[]): void {
    this.users = users.map((u) => ({ ...u, boosts: drawBoosts(this.rng, u.marketingConsent) }));
    this.products = [...products];
    this.userIndex = new Map(this.users.map((u) => [u.id, u]));
    this.productIndex = new Map(this.products.map((p) => [p.id, p]));
    for (const p of products) this.productIds.add(p.id);
    this.version++;
  }

  addUser(payload: UserRegisteredPayload): void {
    const u = { ...userOfPayload(payload), fresh: true, boosts: drawBoosts(this.rng, payload.marketingConsent) };
    this.users = [...this.users, u];
    this.userIndex.set(u.id, u);
    this.version++;
  }

  addProduct(payload: ProductListedPayload): void {
    const p = { ...productOfPayload(payload), fresh: true };
    this.products = [...this.products, p];
    this.productIndex.set(p.id, p);
    this.productIds.add(p.id);
    this.version++;
  }

  noteOrder(o: OrderPlacedPayload): void {
    const u = this.userIndex.get(o.userId);
    const at = new Date(o.orderedAt);
    if (u && (!u.lastOrderedAt || u.lastOrderedAt < at)) u.lastOrderedAt = at;
    for (const l of o.lines) {
      const p = this.productIndex.get(l.productId);
      if (p) p.orderCount++;
    }
  }

  hasProduct(id: string): boolean {
    return this.productIds.has(id);
  }

  /** Remembers ids in use that are not in the pool (e.g. all products of the catalogue), for clash checks. */
  knowProductIds(ids: Iterable<string>): void {
    for (const id of ids) this.productIds.add(id);
  }

  composition(): PoolComposition {
    let purchased = 0;
    let popular = 0;
    for (const u of this.users) if (!u.fresh) purchased++;
    for (const p of this.products) if (!p.fresh) popular++;
    return { purchased, neverPurchased: this.users.length - purchased, popular, new: this.products.length - popular };
  }
}
