import type { Db } from '../../platform/db';
import type { Category, Grade } from '../catalogue/categories';
import { runGradePass } from '../grades/run-grade-pass';
import { mulberry32, stochasticRound, type Rng } from '../generator/model/rng';
import { scenarioById } from '../generator/model/scenarios';
import type { OrderPlacedPayload } from '../generator/model/types';
import { composePool, MemoryPool, PRODUCT_POOL, USER_POOL, type Fresh, type PoolProduct, type PoolUser } from '../generator/pool';
import { Shop, type Clock } from '../generator/shop';
import { projectCommerce } from '../projections/commerce-stats';
import { writeOrders } from '../sinks/orders';
import { hourlySplit, koreaTime, planYear, type PlannedDay } from './plan';

/**
 * A year of shop history on a simulated clock, through the live generator's own
 * Shop (propensity, scenarios, carts, prices, payment), written with the sinks'
 * and the projection's own functions, one transaction per simulated day. Seed 002's
 * rules: the first week draws from the 1000 users with the lowest random seed, from
 * day 7 on the 600/400 and 700/300 pool of in-run purchases (recomposed every
 * simulated day; the live generator refreshes every 50 s), grades every 7 simulated
 * days and at the year's end with the window ending then (the seed's window had no
 * upper bound, so later orders counted in earlier passes).
 */
export interface HistoryOptions {
  year: number;
  /** an existing year: false = refuse (default), true = delete that year's orders and read models, then generate */
  replace?: boolean;
  seed?: number;
  /** only the first N days of the year (tests); the year-end grade pass then runs after the last of them */
  days?: number;
  onDay?: (p: DayProgress) => void;
}

export interface DayProgress {
  day: PlannedDay;
  index: number;
  daysInMonth: number;
  dayOfMonth: number;
  carts: number;
  lines: number;
  revenue: number;
}

export interface HistorySummary {
  year: number;
  carts: number;
  lines: number;
  revenue: number;
  gradePasses: number;
  grades: Record<Grade, number>;
  replaced: number;
  ms: number;
  /** where the time went: generating carts (Node), waiting for writes not hidden behind generation, grade passes */
  phases: { generateMs: number; writeWaitMs: number; gradeMs: number };
}

export class HistoryExistsError extends Error {
  constructor(readonly year: number, readonly carts: number) {
    super(`History for ${year} is already there (${carts.toLocaleString('en-US')} carts). Nothing was written. ` +
      `Run \`npm run history -- --year ${year} --replace\` to delete that year's orders and generate it again.`);
  }
}

interface MasterUser extends PoolUser { randomSeed: number }

const yearRange = (year: number) => ({ from: koreaTime(`${year}-01-01`, 0), to: koreaTime(`${year + 1}-01-01`, 0) });

export async function ordersInYear(db: Db, year: number): Promise<number> {
  const { from, to } = yearRange(year);
  return db.shopOrder.count({ where: { orderedAt: { gte: from, lt: to } } });
}

/**
 * Deletes one year's orders (lines cascade) and the read-model rows of that year, then recounts what
 * those orders had added to all-time counters (product order counts, buyers' last order, totals,
 * payment mix) from the orders that remain. A maintenance step, so full scans are acceptable here.
 */
async function deleteYear(db: Db, year: number): Promise<number> {
  const { from, to } = yearRange(year);
  return db.$transaction(async (tx) => {
    const n = await tx.$executeRaw`DELETE FROM "ShopOrder" WHERE "orderedAt" >= ${from} AND "orderedAt" < ${to}`;
    await tx.$executeRaw`DELETE FROM "CommerceMinute" WHERE minute >= ${from} AND minute < ${to}`;
    await tx.$executeRaw`DELETE FROM "CommerceCategoryMinute" WHERE minute >= ${from} AND minute < ${to}`;
    await tx.$executeRaw`DELETE FROM "CommerceDay" WHERE day >= ${`${year}-01-01`}::date AND day < ${`${year + 1}-01-01`}::date`;
    await tx.$executeRaw`DELETE FROM "GradeChange" WHERE "asOf" > ${from} AND "asOf" <= ${to}`;
    await tx.$executeRaw`UPDATE "Product" p SET "orderCount" = coalesce((SELECT count(*) FROM "OrderLine" l WHERE l."productId" = p.id), 0)`;
    await tx.$executeRaw`UPDATE "ShopUser" u SET "lastOrderedAt" = (SELECT max(o."orderedAt") FROM "ShopOrder" o WHERE o."userId" = u.id)`;
    await tx.$executeRaw`
      UPDATE "CommerceTotals" t SET orders = s.orders, "orderLines" = s.lines, revenue = s.revenue
      FROM (SELECT count(*)::int AS orders, coalesce(sum("lineCount"), 0)::int AS lines, coalesce(sum(total), 0)::bigint AS revenue FROM "ShopOrder") s
      WHERE t.id = 1`;
    await tx.$executeRaw`DELETE FROM "CommercePaymentAge"`;
    await tx.$executeRaw`
      INSERT INTO "CommercePaymentAge" ("ageGroup", method, carts, revenue)
      SELECT CASE WHEN "buyerAge" < 20 THEN '10대' WHEN "buyerAge" < 30 THEN '20대' WHEN "buyerAge" < 40 THEN '30대'
                  WHEN "buyerAge" < 50 THEN '40대' ELSE '50대이상' END, "paymentMethod", count(*), sum(total)
      FROM "ShopOrder" GROUP BY 1, 2`;
    return n;
  }, { timeout: 600_000 });
}

async function loadCatalogue(db: Db) {
  const users = await db.shopUser.findMany({
    select: { id: true, name: true, gender: true, age: true, province: true, status: true, marketingConsent: true, grade: true, createdAt: true, randomSeed: true },
  });
  const products = await db.product.findMany({ select: { id: true, name: true, category: true, price: true, createdAt: true } });
  if (!users.length || !products.length) {
    throw new Error('The shop catalogue is empty: start Switchboard once (`npm start` seeds 10,000 users and 20,000 products) or run `npm run db:seed`.');
  }
  const masterUsers: MasterUser[] = users.map((u) => ({ ...u, lastOrderedAt: null }));
  const masterProducts: PoolProduct[] = products.map((p) => ({ ...p, category: p.category as Category, orderCount: 0 }));
  return { masterUsers, masterProducts };
}

/** Runs the year. Refuses (HistoryExistsError) when the year already has orders, unless `replace`. */
export async function runHistory(db: Db, o: HistoryOptions): Promise<HistorySummary> {
  const started = performance.now();
  const existing = await ordersInYear(db, o.year);
  if (existing && !o.replace) throw new HistoryExistsError(o.year, existing);
  const replaced = existing ? await deleteYear(db, o.year) : 0;

  const { masterUsers, masterProducts } = await loadCatalogue(db);
  const userById = new Map(masterUsers.map((u) => [u.id, u]));
  const rng: Rng = mulberry32(o.seed ?? o.year);
  let now = new Date(0);
  const clock: Clock = { now: () => now };
  const pool = new MemoryPool(rng);
  pool.knowProductIds(masterProducts.map((p) => p.id));
  const shop = new Shop({ rng, clock, pool, nextUserSeq: 1 });

  const plan = planYear(o.year).slice(0, o.days ?? 366);
  const firstWeek = [...masterUsers].sort((a, b) => a.randomSeed - b.randomSeed).slice(0, 1000);
  const composer = new HistoryPool(masterUsers, masterProducts);
  const summary: HistorySummary = {
    year: o.year, carts: 0, lines: 0, revenue: 0, gradePasses: 0, grades: { BRONZE: 0, SILVER: 0, GOLD: 0, VIP: 0 }, replaced, ms: 0,
    phases: { generateMs: 0, writeWaitMs: 0, gradeMs: 0 },
  };

  // Days are written while the next ones are generated (the writes run in PostgreSQL, the generation in Node), up
  // to WRITES_IN_FLIGHT at once on their own connections. That is safe because a day's write only adds: order rows
  // keyed by id, counts and minute buckets that are sums, lastOrderedAt as a maximum, product rows locked in id
  // order; so the order in which two days commit does not change the result. Every grade pass waits for all
  // writes before it (the grades it sets feed the next days' propensity), so the year is the same as in series.
  const WRITES_IN_FLIGHT = 2;
  const writing = new Set<Promise<void>>();
  const awaitWrites = async (atMost = 0) => {
    const t = performance.now();
    while (writing.size > atMost) await Promise.race(writing);
    summary.phases.writeWaitMs += performance.now() - t;
  };

  const gradePass = async (asOf: Date, note: string) => {
    await awaitWrites();
    const t = performance.now();
    await runGradePass(db, { asOf, reason: `history run, ${note}` });
    summary.gradePasses++;
    // grades feed the propensity (VIP 25 … BRONZE 10): the next days' buyers see the new ones
    for (const r of await db.shopUser.findMany({ select: { id: true, grade: true } })) {
      const u = userById.get(r.id);
      if (u) u.grade = r.grade;
    }
    summary.phases.gradeMs += performance.now() - t;
  };

  for (let i = 0; i < plan.length; i++) {
    const day = plan[i]!;
    const generating = performance.now();
    const dayStart = koreaTime(day.date, 0);
    if (i < 7) {
      // the first week: the 1000 users with the lowest random seed (those who had signed up by then)
      const users = firstWeek.filter((u) => u.createdAt <= dayStart);
      const composed = composePool(users.length ? users : firstWeek, []);
      pool.replace(composed.users, composer.products());
    } else {
      pool.replace(composer.users(dayStart), composer.products());
    }

    const scenario = scenarioById(day.scenarioId);
    const orders: OrderPlacedPayload[] = [];
    hourlySplit(day.carts).forEach((expected, hour) => {
      const n = stochasticRound(rng, expected);
      const offsets = Array.from({ length: n }, () => Math.floor(rng() * 3_600_000)).sort((a, b) => a - b);
      for (const ms of offsets) {
        now = koreaTime(day.date, hour, ms);
        const order = shop.checkout(scenario, hour);
        orders.push(order);
        composer.noteOrder(order, now);
      }
    });
    summary.phases.generateMs += performance.now() - generating;
    await awaitWrites(WRITES_IN_FLIGHT - 1);
    const write: Promise<void> = db.$transaction(async (tx) => {
      await writeOrders(tx, orders);
      await projectCommerce(tx, orders, []);
    }, { timeout: 120_000 }).finally(() => writing.delete(write));
    write.catch(() => {}); // not lost: a failed write rejects the next awaitWrites, and the run stops with its error
    writing.add(write);
    const lines = orders.reduce((s, x) => s + x.lines.length, 0);
    const revenue = orders.reduce((s, x) => s + x.total, 0);
    summary.carts += orders.length;
    summary.lines += lines;
    summary.revenue += revenue;
    const dayOfMonth = Number(day.date.slice(8));
    const daysInMonth = plan.filter((d) => d.month === day.month).length;
    o.onDay?.({ day, index: i, daysInMonth, dayOfMonth, carts: orders.length, lines, revenue });
    const isLast = i === plan.length - 1;
    if ((i + 1) % 7 === 0 && !isLast) await gradePass(koreaTime(plan[i + 1]!.date, 0), `day ${i + 1}`);
    if (isLast) await gradePass(o.days ? koreaTime(day.date, 24) : koreaTime(`${o.year + 1}-01-01`, 0), `end of ${day.date}`);
  }

  await awaitWrites();
  const counts = await db.shopUser.groupBy({ by: ['grade'], _count: { _all: true } });
  for (const c of counts) summary.grades[c.grade] = c._count._all;
  summary.ms = performance.now() - started;
  return summary;
}

/**
 * composePool's rule (never-purchased newest first up to 400, then purchased with the
 * oldest last order first to 1000; never-ordered products newest first up to 300, then
 * the most ordered to 1000) kept incrementally, because recomposing by sorting 10,000
 * users and 20,000 products every simulated day cost most of the run's time:
 *  - a purchase makes the buyer's last order the newest, so purchased users in
 *    "oldest last order first" order are a queue: a buyer moves to its end;
 *  - sign-up and listing dates never change: those lists are sorted once;
 *  - order counts are small integers: the most ordered are found by counting sort.
 */
class HistoryPool {
  private readonly newestUsers: MasterUser[];
  private readonly newestProducts: PoolProduct[];
  /** purchased users, oldest last order first (Map keeps insertion order) */
  private readonly bought = new Map<string, MasterUser>();
  private readonly userById: Map<string, MasterUser>;
  private readonly productById: Map<string, PoolProduct>;

  constructor(users: MasterUser[], private readonly allProducts: PoolProduct[]) {
    this.newestUsers = [...users].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    this.newestProducts = [...allProducts].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    this.userById = new Map(users.map((u) => [u.id, u]));
    this.productById = new Map(allProducts.map((p) => [p.id, p]));
  }

  noteOrder(order: OrderPlacedPayload, at: Date): void {
    const u = this.userById.get(order.userId);
    if (u) {
      u.lastOrderedAt = at;
      this.bought.delete(u.id);
      this.bought.set(u.id, u);
    }
    for (const l of order.lines) {
      const p = this.productById.get(l.productId);
      if (p) p.orderCount++;
    }
  }

  /** The users' pool on a day: only users who had signed up by then. */
  users(dayStart: Date): (MasterUser & Fresh)[] {
    const fresh: (MasterUser & Fresh)[] = [];
    for (const u of this.newestUsers) {
      if (fresh.length >= USER_POOL.fresh) break;
      if (!u.lastOrderedAt && u.createdAt <= dayStart) fresh.push({ ...u, fresh: true });
    }
    const rest: (MasterUser & Fresh)[] = [];
    for (const u of this.bought.values()) {
      if (fresh.length + rest.length >= USER_POOL.size) break;
      rest.push({ ...u, fresh: false });
    }
    // too few buyers yet: more never-purchased users fill the gap (as composePool does)
    const taken = new Set(fresh.map((u) => u.id));
    for (const u of this.newestUsers) {
      if (fresh.length + rest.length >= USER_POOL.size) break;
      if (!u.lastOrderedAt && u.createdAt <= dayStart && !taken.has(u.id)) fresh.push({ ...u, fresh: true });
    }
    return [...fresh, ...rest];
  }

  products(): (PoolProduct & Fresh)[] {
    const fresh: (PoolProduct & Fresh)[] = [];
    for (const p of this.newestProducts) {
      if (fresh.length >= PRODUCT_POOL.fresh) break;
      if (p.orderCount === 0) fresh.push({ ...p, fresh: true });
    }
    const byCount: PoolProduct[][] = [];
    for (const p of this.allProducts) if (p.orderCount > 0) (byCount[p.orderCount] ??= []).push(p);
    const popular: (PoolProduct & Fresh)[] = [];
    for (let c = byCount.length - 1; c > 0 && fresh.length + popular.length < PRODUCT_POOL.size; c--) {
      for (const p of byCount[c] ?? []) {
        if (fresh.length + popular.length >= PRODUCT_POOL.size) break;
        popular.push({ ...p, fresh: false });
      }
    }
    const taken = new Set(fresh.map((p) => p.id));
    for (const p of this.newestProducts) {
      if (fresh.length + popular.length >= PRODUCT_POOL.size) break;
      if (p.orderCount === 0 && !taken.has(p.id)) fresh.push({ ...p, fresh: true });
    }
    return [...fresh, ...popular];
  }
}
