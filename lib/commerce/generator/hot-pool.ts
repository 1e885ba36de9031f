import type { Db } from '../../platform/db';
import { Shop } from './shop';
import { mulberry32, type Rng } from './model/rng';
import { scenarioById } from './model/scenarios';
import { MemoryPool, PRODUCT_POOL, USER_POOL, type Fresh, type PoolProduct, type PoolUser } from './pool';

/**
 * The seed's hot pool (it used Redis), held in the generator's memory and
 * refreshed from PostgreSQL every 50 s: users = never purchased, newest first, up
 * to 400, then purchased with the oldest last order first, filling to 1000;
 * products = never ordered, newest first, up to 300, then most ordered, filling
 * to 1000 (either first part tops up when the second runs short). One SQL
 * statement per side, so a refresh is 2 queries.
 *
 * Users and products the shop creates join the pool at once (MemoryPool.addUser /
 * addProduct), before their sinks have written them: the order sink takes orders
 * whose user or product row is not there yet (no foreign keys). Each refresh
 * replaces the pool with what PostgreSQL holds, so a new user the users sink has
 * not written by then drops out until the next refresh.
 *
 * mode 'none' is the shop without a pool, for the benchmark: before every cart
 * it runs the same two lookups (buyer candidates and product candidates), as a
 * shop that reads its candidates from the database per order would. Counters
 * (poolCounters) give the queries per cart either way.
 */
export type PoolMode = 'pool' | 'none';

export const poolCounters = {
  /** SQL statements the pool sent to PostgreSQL */
  queries: 0,
  refreshes: 0,
  /** carts the pool served */
  carts: 0,
  /** milliseconds spent in lookups */
  queryMs: 0,
};

export const queriesPerCart = (): number => (poolCounters.carts ? poolCounters.queries / poolCounters.carts : 0);

export function resetPoolCounters(): void {
  Object.assign(poolCounters, { queries: 0, refreshes: 0, carts: 0, queryMs: 0 });
}

export const REFRESH_MS = 50_000;

type UserRow = PoolUser & Fresh;
type ProductRow = PoolProduct & Fresh;

export class HotPool extends MemoryPool {
  refreshedAt: Date | null = null;
  private refreshing?: Promise<void>;

  constructor(
    private readonly db: Db,
    rng: Rng,
    readonly mode: PoolMode = 'pool',
    readonly refreshMs = REFRESH_MS,
  ) {
    super(rng);
  }

  /** Reads the pool from PostgreSQL now and replaces the one in memory. */
  async refresh(now = Date.now()): Promise<void> {
    this.refreshing ??= (async () => {
      const t = performance.now();
      const [users, products] = await Promise.all([this.queryUsers(), this.queryProducts()]);
      poolCounters.queries += 2;
      poolCounters.refreshes++;
      poolCounters.queryMs += performance.now() - t;
      this.replace(users, products);
      this.refreshedAt = new Date(now);
    })().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** Resolves when a refresh in progress (if any) has landed. */
  async settled(): Promise<void> {
    await this.refreshing;
  }

  /** Every product id of the catalogue, so a new product never takes one in use. One query, at start. */
  async loadProductIds(): Promise<void> {
    const rows = await this.db.$queryRaw<{ id: string }[]>`SELECT id FROM "Product"`;
    poolCounters.queries++;
    this.knowProductIds(rows.map((r) => r.id));
  }

  /**
   * Call before checking out `carts` carts: the hot pool refreshes when 50 s have
   * passed (awaited only on the first call; later refreshes run in the background
   * while the old pool serves); mode 'none' looks everything up again (call it once per cart).
   */
  async beforeCarts(carts: number, now = Date.now()): Promise<void> {
    poolCounters.carts += carts;
    if (this.mode === 'none' || !this.refreshedAt) return this.refresh(now);
    if (now - this.refreshedAt.getTime() >= this.refreshMs && !this.refreshing) {
      void this.refresh(now).catch((e) => console.error(`[hot-pool] refresh failed, keeping the old pool: ${(e as Error).message}`));
    }
  }

  private queryUsers(): Promise<UserRow[]> {
    return this.db.$queryRaw<UserRow[]>`
      WITH a AS (
        SELECT id, name, gender::text AS gender, age, province, status::text AS status, "marketingConsent", grade::text AS grade,
          "createdAt", "lastOrderedAt", true AS fresh
        FROM "ShopUser" WHERE "lastOrderedAt" IS NULL ORDER BY "createdAt" DESC LIMIT ${USER_POOL.fresh}),
      b AS (
        SELECT id, name, gender::text, age, province, status::text, "marketingConsent", grade::text, "createdAt", "lastOrderedAt", false
        FROM "ShopUser" WHERE "lastOrderedAt" IS NOT NULL ORDER BY "lastOrderedAt" ASC
        LIMIT ${USER_POOL.size} - (SELECT count(*) FROM a)),
      c AS (
        SELECT id, name, gender::text, age, province, status::text, "marketingConsent", grade::text, "createdAt", "lastOrderedAt", true
        FROM "ShopUser" WHERE "lastOrderedAt" IS NULL ORDER BY "createdAt" DESC
        OFFSET ${USER_POOL.fresh} LIMIT ${USER_POOL.size} - (SELECT count(*) FROM a) - (SELECT count(*) FROM b))
      SELECT * FROM a UNION ALL SELECT * FROM b UNION ALL SELECT * FROM c`;
  }

  private queryProducts(): Promise<ProductRow[]> {
    return this.db.$queryRaw<ProductRow[]>`
      WITH a AS (
        SELECT id, name, category, price, "createdAt", "orderCount", true AS fresh
        FROM "Product" WHERE "orderCount" = 0 ORDER BY "createdAt" DESC LIMIT ${PRODUCT_POOL.fresh}),
      b AS (
        SELECT id, name, category, price, "createdAt", "orderCount", false
        FROM "Product" WHERE "orderCount" > 0 ORDER BY "orderCount" DESC
        LIMIT ${PRODUCT_POOL.size} - (SELECT count(*) FROM a)),
      c AS (
        SELECT id, name, category, price, "createdAt", "orderCount", true
        FROM "Product" WHERE "orderCount" = 0 ORDER BY "createdAt" DESC
        OFFSET ${PRODUCT_POOL.fresh} LIMIT ${PRODUCT_POOL.size} - (SELECT count(*) FROM a) - (SELECT count(*) FROM b))
      SELECT * FROM a UNION ALL SELECT * FROM b UNION ALL SELECT * FROM c`;
  }
}

export interface PoolBenchmark {
  mode: PoolMode;
  carts: number;
  queries: number;
  queriesPerCart: number;
  /** wall time per cart, lookups and checkout included (no Kafka) */
  msPerCart: number;
  /** time in lookups per cart */
  queryMsPerCart: number;
}

/**
 * Checks out `carts` carts against PostgreSQL with the pool or without, and counts
 * the lookups. With the pool, refreshes fall every 50 s of a simulated clock running
 * at `cartsPerSecond` (queries per cart = 2 / (50 x rate)); without, every cart looks
 * its buyer and products up. For scripts/bench: run both, print both.
 */
export async function benchmarkPool(db: Db, o: { mode: PoolMode; carts: number; cartsPerSecond?: number; seed?: number }): Promise<PoolBenchmark> {
  const rng = mulberry32(o.seed ?? 1);
  const start = Date.now();
  let simulated = start;
  const pool = new HotPool(db, rng, o.mode);
  const shop = new Shop({ rng, clock: { now: () => new Date(simulated) }, pool, nextUserSeq: 1 });
  const before = { ...poolCounters };
  const t = performance.now();
  const step = 1000 / (o.cartsPerSecond ?? 1500);
  for (let i = 0; i < o.carts; i++) {
    simulated += step;
    await pool.beforeCarts(1, simulated);
    // a refresh started in the background lands before the next cart (as it would within 50 s)
    await pool.settled();
    shop.checkout(scenarioById(0), 12);
  }
  const ms = performance.now() - t;
  const queries = poolCounters.queries - before.queries;
  return {
    mode: o.mode, carts: o.carts, queries, queriesPerCart: queries / o.carts,
    msPerCart: ms / o.carts, queryMsPerCart: (poolCounters.queryMs - before.queryMs) / o.carts,
  };
}
