/**
 * The shop of seed 002 as a pure simulation: given a clock, an RNG and a pool it
 * checks out carts (OrderPlaced payloads), signs up users (UserRegistered) and
 * lists products (ProductListed). It does no I/O: the live generator (./run.ts)
 * publishes what it returns; a history run on a simulated clock can do the same
 * or write the payloads straight to the database.
 *
 *   const clock = { now: () => simulatedNow };           // or realClock
 *   const pool = new MemoryPool(rng);                    // or a HotPool
 *   pool.replace(...composePool(users, products));       // the history's own pool
 *   const shop = new Shop({ rng: mulberry32(42), clock, pool, nextUserSeq: 10_001 });
 *   const order = shop.checkout(scenarioById(3));        // one cart, buyer and lines from the pool
 *   const users = shop.signUp(5);                        // joins the pool at once
 *   const product = shop.listProduct();                  // joins the pool at once
 *
 * The Korea-time hour of clock.now() drives propensity (time of day); ordersAt /
 * checkout take an optional hour for a run that knows better.
 *
 * New users and products join the pool the moment they are made, so a user may
 * buy before the users sink has written the row: the commerce sinks take orders
 * whose user or product row is not there yet (no foreign keys; the rows follow).
 */
import { randomFillSync } from 'node:crypto';
import { kstHour } from './control';
import { cartDiscount, cartSize, lineQuantity, paymentMethod, productWeight, shippingFee } from './model/cart';
import { makeProduct } from './model/product';
import { buyerWeight } from './model/propensity';
import { WeightedTable, type Rng } from './model/rng';
import type { Scenario } from './model/scenarios';
import type { OrderLinePayload, OrderPlacedPayload, ProductListedPayload, UserRegisteredPayload } from './model/types';
import { UserFactory } from './model/user';
import type { ShopPool } from './pool';

export interface Clock {
  now(): Date;
}

export const realClock: Clock = { now: () => new Date() };

export interface ShopOptions {
  rng: Rng;
  clock: Clock;
  pool: ShopPool;
  /** the next user id's number (U_00010001 -> 10001) */
  nextUserSeq: number;
}

type PoolUserEntry = ShopPool['users'][number];
type PoolProductEntry = ShopPool['products'][number];

export class Shop {
  readonly rng: Rng;
  readonly clock: Clock;
  readonly pool: ShopPool;
  private nextSeq: number;
  private readonly users: UserFactory;
  private buyers?: { key: string; table: WeightedTable<PoolUserEntry> };
  private goods?: { key: string; table: WeightedTable<PoolProductEntry> };

  constructor(o: ShopOptions) {
    this.rng = o.rng;
    this.clock = o.clock;
    this.pool = o.pool;
    this.nextSeq = o.nextUserSeq;
    this.users = new UserFactory(o.rng);
  }

  get nextUserSeq(): number {
    return this.nextSeq;
  }

  /** Who buys next: weight = propensity x scenario gender / 50 x scenario age / 20, tabled per pool version, scenario and hour. */
  pickBuyer(s: Scenario, hour: number): PoolUserEntry {
    const key = `${this.pool.version}:${s.id}:${hour}`;
    if (this.buyers?.key !== key) {
      this.buyers = { key, table: new WeightedTable(this.pool.users, (u) => buyerWeight(u, hour, u.boosts, s)) };
    }
    if (!this.buyers.table.size) throw new Error('the pool holds no users');
    return this.buyers.table.draw(this.rng);
  }

  /** What goes in the cart: weight = scenario category weight x order_frequency / 10. */
  pickProduct(s: Scenario): PoolProductEntry {
    const key = `${this.pool.version}:${s.id}`;
    if (this.goods?.key !== key) this.goods = { key, table: new WeightedTable(this.pool.products, (p) => productWeight(p.category, s)) };
    if (!this.goods.table.size) throw new Error('the pool holds no products');
    return this.goods.table.draw(this.rng);
  }

  /** One cart checked out now: one buyer (the shop's pick unless given), 1-10 distinct products, one payment, one shipping fee, one discount. */
  checkout(s: Scenario, hour = kstHour(this.clock.now()), buyerChosen?: PoolUserEntry): OrderPlacedPayload {
    const at = this.clock.now();
    // a buyer chosen by the caller: one a promotion click brought back (model/promo-behaviour.ts)
    const buyer = buyerChosen ?? this.pickBuyer(s, hour);
    const size = cartSize(this.rng);
    const chosen = new Set<string>();
    const lines: OrderLinePayload[] = [];
    for (let i = 0; i < size; i++) {
      let p = this.pickProduct(s);
      // distinct products per cart: a few re-draws, then a smaller cart
      for (let tries = 0; chosen.has(p.id) && tries < 5; tries++) p = this.pickProduct(s);
      if (chosen.has(p.id)) continue;
      chosen.add(p.id);
      const quantity = lineQuantity(this.rng, p.category, s);
      lines.push({ lineNo: lines.length + 1, productId: p.id, productName: p.name, category: p.category, quantity, unitPrice: p.price, amount: p.price * quantity });
    }
    const subtotal = lines.reduce((sum, l) => sum + l.amount, 0);
    const fee = shippingFee(this.rng);
    const discount = cartDiscount(this.rng, subtotal);
    const order: OrderPlacedPayload = {
      orderId: uuidV7(at.getTime()),
      userId: buyer.id,
      orderedAt: at.toISOString(),
      paymentMethod: paymentMethod(this.rng, buyer.age),
      subtotal,
      shippingFee: fee,
      discount,
      total: Math.max(0, subtotal + fee - discount),
      scenarioId: s.id,
      buyer: { name: buyer.name, gender: buyer.gender, age: buyer.age, province: buyer.province },
      lines,
    };
    this.pool.noteOrder(order);
    return order;
  }

  /** n users signing up now; each joins the pool at once. */
  signUp(n: number): UserRegisteredPayload[] {
    const now = this.clock.now();
    return Array.from({ length: n }, () => {
      const u = this.users.make({ seq: this.nextSeq++, createdAt: now, now });
      this.pool.addUser(u);
      return u;
    });
  }

  /** A product listed now, with an id the pool has not seen; it joins the pool at once. */
  listProduct(): ProductListedPayload {
    let p = makeProduct(this.rng, { createdAt: this.clock.now() });
    while (this.pool.hasProduct(p.productId)) p = { ...p, productId: makeProduct(this.rng, { createdAt: this.clock.now() }).productId };
    this.pool.addProduct(p);
    return p;
  }
}

const random = Buffer.alloc(10 * 256);
let randomAt = random.length;

/** RFC 9562 uuid v7: 48-bit Unix milliseconds (the clock's, so a history run's ids sort by simulated time), then 74 random bits. */
export function uuidV7(ms: number): string {
  if (randomAt + 10 > random.length) {
    randomFillSync(random);
    randomAt = 0;
  }
  const r = random.subarray(randomAt, (randomAt += 10));
  const hex = Math.floor(ms).toString(16).padStart(12, '0').slice(-12);
  const h = r.toString('hex');
  const variant = ((r[2]! & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${h.slice(0, 3)}-${variant}${h.slice(6, 8)}-${h.slice(8, 20)}`;
}
