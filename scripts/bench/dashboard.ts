// `npm run bench:dashboard`: with 1,000,000 orders, the server time of each commerce panel's query and of the
// pages and API routes that run them; goal under 50 ms per panel (p95). The rule it checks as well: panels read
// the read models (CommerceMinute, CommerceCategoryMinute, CommerceDay, CommercePaymentAge, CommerceGradeCount,
// CommerceTotals, the generator's rows, GradeChange, Product by orderCount), never ShopOrder or OrderLine.
//
// Data: built once with set-based generate_series SQL into its own database `bench_dashboard` (default: its own
// embedded PostgreSQL on .data/bench-dashboard, port 54429, fsync off since nothing here is about durability;
// DATABASE_URL = use that server instead), migrated with migrateDeploy, kept for the next run (BENCH_REBUILD=1
// builds it again): 1,000,000 orders (~3.4M lines, the seed's 1-10 line weights) spread evenly over the year up
// to the build time, 100,000 shop users, 20,000 products (popularity skewed), 100,000 grade changes, and the
// read models filled from those rows with SQL aggregates exactly as the projection would (minute of orderedAt,
// Korea day = orderedAt + 9 h, age group × payment method, users per grade, totals, Product.orderCount).
//
// Per panel: the dashboard's own functions (lib/commerce/dashboard) on a PrismaClient with query events,
// installed as the shared `db` before they are imported; each panel's query time is Prisma's duration of the
// queries it sends while the page's getCommerceLive runs them all at once. BENCH_ITERATIONS (200) calls after
// 20 warm-up calls; every panel query is then run alone over pg (its database cost without the others beside it) and
// EXPLAIN ANALYZEd (any sequential scan of a large table is flagged), the slowest one's plan printed in full.
// The page: `next start` on port 3429 (BENCH_WEB_PORT) against the bench database, using the checkout's .next
// build (BENCH_BUILD=1 runs `next build` first when the sources are newer; the working tree is shared, so by
// default it does not rebuild what others may be serving); the demo staff account is created and signs in over
// HTTP, then GET /staff/commerce, /staff/commerce/history?by=week, /api/commerce/live, /api/commerce/summary,
// BENCH_REQUESTS (100) times each after 10 warm-up requests: time to the full response on loopback.
// BENCH_RUNS (3) repetitions of the whole measurement; the summary quotes medians. A calibration line
// (scripts/bench/calibration.ts) is measured before and after.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../lib/generated/prisma/client';
import { CATEGORIES } from '../../lib/commerce/catalogue/categories';
import { hashPassword } from '../../lib/platform/auth/password';
import { DEMO_PASSWORD } from '../../prisma/demo-data';
import { migrateDeploy } from '../migrate';
import { redactUrl, REPO_ROOT } from '../stack/config';
import { startPostgres } from '../stack/postgres';
import { webBuildState } from '../stack/web-build';
import { calibrate, formatCalibration, median } from './calibration';

const ORDERS = Number(process.env.BENCH_ORDERS || 1_000_000);
const USERS = Number(process.env.BENCH_USERS || 100_000);
const PRODUCTS = 20_000;
const GRADE_CHANGES = 100_000;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || 3));
const ITERATIONS = Number(process.env.BENCH_ITERATIONS || 200);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 100);
const WARMUP = 20;
const PG_PORT = Number(process.env.BENCH_PG_PORT || 54429);
const WEB_PORT = Number(process.env.BENCH_WEB_PORT || 3429);
const DB_NAME = 'bench_dashboard';
const GOAL_MS = 50;
/** bump when the generated data changes, so an old database is rebuilt */
const DATA_VERSION = `v1 orders=${ORDERS} users=${USERS}`;
const STAFF_EMAIL = 'staff@switchboard.dev';

const dbUrl = (server: string, name: string) => {
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.toString();
};
const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
const n = (x: number | bigint) => x.toLocaleString('en-US');
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
interface Stats { p50: number; p95: number; max: number; count: number }
const stats = (xs: number[]): Stats => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), max: s.at(-1) ?? NaN, count: s.length };
};
const fmtStats = (s: Stats) => `p50 ${ms(s.p50)} ms, p95 ${ms(s.p95)} ms, max ${ms(s.max)} ms (${s.count})`;
const sleep = (t: number) => new Promise<void>((r) => setTimeout(r, t));

// ─── data ────────────────────────────────────────────────────────────────────

async function step(c: pg.Client, what: string, sql: string): Promise<void> {
  const t0 = performance.now();
  const r = await c.query(sql);
  const rows = typeof r.rowCount === 'number' && (r.command === 'INSERT' || r.command === 'UPDATE') ? `: ${n(r.rowCount)} rows` : '';
  console.log(`  ${what}${rows} (${secs(t0)} s)`);
}

/** Builds the data set in `url` (a freshly migrated, empty database); orders end at `asOf`. */
async function build(url: string, asOf: Date): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`SET session_replication_role = replica; SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'`);
    // secondary indexes built once at the end
    const { rows: idx } = await c.query<{ name: string; def: string }>(`
      SELECT indexname AS name, indexdef AS def FROM pg_indexes
      WHERE tablename IN ('ShopUser', 'ShopOrder', 'OrderLine', 'Product', 'GradeChange') AND indexname NOT LIKE '%_pkey'`);
    for (const i of idx) await c.query(`DROP INDEX "${i.name}"`);
    await c.query(`SELECT setseed(0.2026)`);
    const T = `timestamp '${asOf.toISOString().slice(0, 23)}'`; // UTC, like Prisma's DateTime columns
    const cats = `ARRAY[${CATEGORIES.map((x) => `'${x}'`).join(',')}]`;
    await step(c, 'products', `
      INSERT INTO "Product" (id, category, name, brand, price, "listPrice", "discountRate", description, rating, "reviewCount", stock, "createdAt")
      SELECT 'P' || lpad(to_hex(p), 8, '0'), (${cats})[p % ${CATEGORIES.length} + 1], '벤치상품 ' || p, CASE WHEN p % 3 = 0 THEN '벤치브랜드' END,
             10000 + p * 10 % 190000, 10000 + p * 10 % 190000, 0, '', 4.0, 0, 100, ${T} - (p % 730) * interval '1 day'
      FROM generate_series(1, ${PRODUCTS}) p`);
    const provinces = `ARRAY['서울','부산','대구','인천','광주','대전','울산','경기','강원','충청','전라','경상','제주']`;
    await step(c, 'users', `
      INSERT INTO "ShopUser" (id, name, gender, age, "birthYear", province, district, street, email, phone, grade, status, "marketingConsent", "createdAt", "randomSeed")
      SELECT 'U_' || lpad(u::text, 8, '0'), '회원' || u, (CASE WHEN u % 2 = 0 THEN 'F' ELSE 'M' END)::"Gender", 15 + u % 56, 2026 - 15 - u % 56,
             (${provinces})[u % 13 + 1], '중구', '벤치로 ' || u, 'u' || u || '@example.com',
             '010-' || lpad((u / 10000 % 10000)::text, 4, '0') || '-' || lpad((u % 10000)::text, 4, '0'),
             (CASE WHEN r.g < 0.70 THEN 'BRONZE' WHEN r.g < 0.90 THEN 'SILVER' WHEN r.g < 0.98 THEN 'GOLD' ELSE 'VIP' END)::"Grade",
             'ACTIVE', u % 2 = 0, ${T} - r.t * interval '365 days', r.s
      FROM generate_series(1, ${USERS}) u
      CROSS JOIN LATERAL (SELECT u AS uu, random() AS g, random() AS t, random() AS s OFFSET 0) r`);
    await step(c, 'orders', `
      INSERT INTO "ShopOrder" (id, "userId", "orderedAt", "paymentMethod", subtotal, "shippingFee", discount, total, "lineCount", "itemCount", "scenarioId", "buyerProvince", "buyerGender", "buyerAge")
      SELECT lpad(to_hex(i), 32, '0')::uuid, 'U_' || lpad((1 + floor(r.u * ${USERS}))::text, 8, '0'),
             ${T} - r.t * interval '365 days',
             (ARRAY['Card','NaverPay','KakaoPay','Bank']::"PaymentMethod"[])[1 + floor(r.m * 4)::int],
             s.sub, CASE WHEN s.sub < 50000 THEN 3000 ELSE 0 END, 0, s.sub + CASE WHEN s.sub < 50000 THEN 3000 ELSE 0 END,
             s.lines, s.lines, floor(r.m * 21)::int % 21, (${provinces})[1 + floor(r.u * 13)::int], (CASE WHEN r.m < 0.5 THEN 'F' ELSE 'M' END)::"Gender",
             15 + floor(r.a * 56)::int
      FROM generate_series(1, ${ORDERS}) i
      -- OFFSET 0 keeps each random draw one value however often it is referenced
      CROSS JOIN LATERAL (SELECT i AS ii, random() AS u, random() AS t, random() AS m, random() AS a, random() AS r1, random() AS r2, random() AS r3 OFFSET 0) r
      CROSS JOIN LATERAL (
        SELECT greatest(5000, least(20000000, round(90000 * exp(0.9 * sqrt(-2 * ln(1 - r.r2)) * cos(2 * pi() * r.r3)))))::int AS sub,
               CASE WHEN r.r1 < .25 THEN 1 WHEN r.r1 < .45 THEN 2 WHEN r.r1 < .60 THEN 3 WHEN r.r1 < .72 THEN 4 WHEN r.r1 < .82 THEN 5
                    WHEN r.r1 < .89 THEN 6 WHEN r.r1 < .94 THEN 7 WHEN r.r1 < .97 THEN 8 WHEN r.r1 < .99 THEN 9 ELSE 10 END AS lines
        OFFSET 0
      ) s`);
    // popularity skewed: product = 1 + floor(PRODUCTS * x^2), so low ids sell most
    await step(c, 'order lines', `
      INSERT INTO "OrderLine" ("orderId", "lineNo", "productId", category, quantity, "unitPrice", amount)
      SELECT o.id, l, 'P' || lpad(to_hex(x.pr), 8, '0'), (${cats})[x.pr % ${CATEGORIES.length} + 1], 1, x.a, x.a
      FROM "ShopOrder" o
      CROSS JOIN LATERAL generate_series(1, o."lineCount") l
      CROSS JOIN LATERAL (SELECT o.subtotal / o."lineCount" + CASE WHEN l = 1 THEN o.subtotal % o."lineCount" ELSE 0 END AS a,
                                 1 + floor(${PRODUCTS} * power(random(), 2) + l * 0)::int AS pr OFFSET 0) x`);
    await step(c, 'grade changes', `
      INSERT INTO "GradeChange" ("userId", "from", "to", at, reason, "asOf")
      SELECT 'U_' || lpad((1 + floor(r.u * ${USERS}))::text, 8, '0'), 'BRONZE', 'SILVER', ${T} - r.t * interval '365 days',
             '180 days: 6 orders, ₩720,000 → SILVER', ${T} - r.t * interval '365 days'
      FROM generate_series(1, ${GRADE_CHANGES}) i CROSS JOIN LATERAL (SELECT i AS ii, random() AS u, random() AS t OFFSET 0) r`);
    for (const i of idx) await step(c, `index ${i.name}`, i.def);

    // The read models, as the projection fills them (lib/commerce/projections/stats-delta.ts).
    await step(c, 'CommerceMinute', `
      INSERT INTO "CommerceMinute" (minute, carts, lines, revenue, "newUsers")
      SELECT minute, sum(carts), sum(lines), sum(revenue), sum(nu) FROM (
        SELECT date_trunc('minute', "orderedAt") AS minute, count(*) AS carts, sum("lineCount") AS lines, sum(total) AS revenue, 0 AS nu FROM "ShopOrder" GROUP BY 1
        UNION ALL
        SELECT date_trunc('minute', "createdAt"), 0, 0, 0, count(*) FROM "ShopUser" GROUP BY 1
      ) x GROUP BY minute`);
    await step(c, 'CommerceCategoryMinute', `
      INSERT INTO "CommerceCategoryMinute" (minute, category, lines, quantity, revenue)
      SELECT date_trunc('minute', o."orderedAt"), l.category, count(*), sum(l.quantity), sum(l.amount)
      FROM "OrderLine" l JOIN "ShopOrder" o ON o.id = l."orderId" GROUP BY 1, 2`);
    await step(c, 'CommerceDay', `
      INSERT INTO "CommerceDay" (day, carts, lines, revenue, "newUsers")
      SELECT day, sum(carts), sum(lines), sum(revenue), sum(nu) FROM (
        SELECT ("orderedAt" + interval '9 hours')::date AS day, count(*) AS carts, sum("lineCount") AS lines, sum(total) AS revenue, 0 AS nu FROM "ShopOrder" GROUP BY 1
        UNION ALL
        SELECT ("createdAt" + interval '9 hours')::date, 0, 0, 0, count(*) FROM "ShopUser" GROUP BY 1
      ) x GROUP BY day`);
    await step(c, 'CommercePaymentAge', `
      INSERT INTO "CommercePaymentAge" ("ageGroup", method, carts, revenue)
      SELECT CASE WHEN "buyerAge" < 20 THEN '10대' WHEN "buyerAge" < 30 THEN '20대' WHEN "buyerAge" < 40 THEN '30대' WHEN "buyerAge" < 50 THEN '40대' ELSE '50대이상' END,
             "paymentMethod", count(*), sum(total)
      FROM "ShopOrder" GROUP BY 1, 2`);
    await step(c, 'CommerceGradeCount', `INSERT INTO "CommerceGradeCount" (grade, users) SELECT grade, count(*) FROM "ShopUser" GROUP BY grade`);
    await step(c, 'CommerceTotals', `
      INSERT INTO "CommerceTotals" (id, users, products, orders, "orderLines", revenue)
      SELECT 1, (SELECT count(*) FROM "ShopUser"), (SELECT count(*) FROM "Product"), count(*), sum("lineCount"), sum(total) FROM "ShopOrder"`);
    await step(c, 'Product.orderCount', `
      UPDATE "Product" p SET "orderCount" = x.c FROM (SELECT "productId", count(*) AS c FROM "OrderLine" GROUP BY 1) x WHERE p.id = x."productId"`);
    await step(c, 'ShopUser.lastOrderedAt', `
      UPDATE "ShopUser" u SET "lastOrderedAt" = x.at FROM (SELECT "userId", max("orderedAt") AS at FROM "ShopOrder" GROUP BY 1) x WHERE u.id = x."userId"`);
    await c.query(`
      INSERT INTO "GeneratorControl" (id, running, rate, "scenarioId", "scenarioUntil", "updatedAt") VALUES (1, true, NULL, NULL, NULL, ${T})
      ON CONFLICT (id) DO NOTHING;
      INSERT INTO "GeneratorStatus" (id, running, rate, "scenarioId", "scenarioMode", "scenarioEndsAt", "cartsProduced", "linesProduced", "usersProduced",
        "productsProduced", "poolPurchased", "poolNeverPurchased", "poolPopular", "poolNew", "poolRefreshedAt", "reportedAt")
      SELECT 1, true, NULL, 0, 'auto', NULL, count(*), sum("lineCount"), ${USERS}, ${PRODUCTS}, 5000, 2000, 500, 100, ${T}, ${T} FROM "ShopOrder"
      ON CONFLICT (id) DO NOTHING`);
    await c.query(`RESET session_replication_role`);
    await step(c, 'vacuum analyze', `VACUUM ANALYZE`);
    await c.query(`CREATE TABLE bench_meta (version text NOT NULL, "asOf" timestamptz NOT NULL)`);
    await c.query(`INSERT INTO bench_meta VALUES ($1, $2)`, [DATA_VERSION, asOf]);
  } finally {
    await c.end();
  }
}

async function existingData(url: string): Promise<{ version: string; asOf: Date } | null> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    const { rows } = await c.query<{ version: string; asOf: Date }>(`SELECT version, "asOf" FROM bench_meta`);
    return rows[0] ?? null;
  } catch {
    return null;
  } finally {
    await c.end().catch(() => {});
  }
}

async function figures(c: pg.Client) {
  const q = async (sql: string) => Number((await c.query<{ n: string }>(sql)).rows[0]!.n);
  return {
    users: await q(`SELECT count(*) AS n FROM "ShopUser"`),
    products: await q(`SELECT count(*) AS n FROM "Product"`),
    orders: await q(`SELECT orders AS n FROM "CommerceTotals"`),
    lines: await q(`SELECT "orderLines" AS n FROM "CommerceTotals"`),
    gradeChanges: await q(`SELECT count(*) AS n FROM "GradeChange"`),
    minutes: await q(`SELECT count(*) AS n FROM "CommerceMinute"`),
    categoryMinutes: await q(`SELECT count(*) AS n FROM "CommerceCategoryMinute"`),
    days: await q(`SELECT count(*) AS n FROM "CommerceDay"`),
    size: (await c.query<{ s: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`)).rows[0]!.s,
  };
}

// ─── per panel ───────────────────────────────────────────────────────────────

interface QueryEvent { query: string; params: string; duration: number }

/** The table a query reads first (Prisma's "public"."X" or a raw query's "X"). */
const tableOf = (sql: string) => /\bFROM\s+(?:"public"\.)?"(\w+)"/i.exec(sql)?.[1] ?? (/^\s*(BEGIN|COMMIT|ROLLBACK|SET|SELECT 1)\b/i.test(sql) ? null : '?');
const touchesOrders = (sql: string) => /"(ShopOrder|OrderLine)"/.test(sql);

/** The live page's panels: which tables each one's queries read, and whether they run one after another. */
const LIVE_PANELS: { name: string; tables: string[]; combine: 'sum' | 'max' }[] = [
  { name: 'totals', tables: ['CommerceTotals'], combine: 'sum' },
  { name: 'carts & revenue by minute (60 min)', tables: ['CommerceMinute'], combine: 'sum' },
  { name: 'category mix (10 min)', tables: ['CommerceCategoryMinute'], combine: 'sum' },
  { name: 'payment by age', tables: ['CommercePaymentAge'], combine: 'sum' },
  { name: 'grades', tables: ['CommerceGradeCount'], combine: 'sum' },
  { name: 'grade changes (+ names)', tables: ['GradeChange', 'ShopUser'], combine: 'sum' },
  { name: 'top products', tables: ['Product'], combine: 'sum' },
  { name: 'generator', tables: ['GeneratorStatus', 'GeneratorControl'], combine: 'max' },
];

interface Dashboard {
  client: PrismaClient;
  events: QueryEvent[];
  getCommerceLive: (now?: Date) => Promise<unknown>;
  getCommerceSummary: () => Promise<unknown>;
  getCommerceHistory: (p: 'day' | 'week' | 'month') => Promise<unknown[]>;
}

/** The dashboard's own functions on a client with query events, installed as lib/platform/db's shared `db`. */
async function loadDashboard(url: string): Promise<Dashboard> {
  process.env.DATABASE_URL = url;
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }), log: [{ emit: 'event', level: 'query' }] });
  const events: QueryEvent[] = [];
  client.$on('query', (e) => { events.push({ query: e.query, params: e.params, duration: Number(e.duration) }); });
  (globalThis as unknown as { switchboardDb?: PrismaClient }).switchboardDb = client;
  const live = await import('../../lib/commerce/dashboard/live');
  const summary = await import('../../lib/commerce/dashboard/summary');
  const history = await import('../../lib/commerce/dashboard/history');
  const platform = await import('../../lib/platform/db');
  if (platform.db !== client) throw new Error('lib/platform/db did not take the benchmark client');
  return { client, events, getCommerceLive: live.getCommerceLive, getCommerceSummary: summary.getCommerceSummary, getCommerceHistory: history.getCommerceHistory };
}

/** Runs fn, returns its wall time and the queries it sent (events arrive by the time its promise settles + a tick). */
async function traced(d: Dashboard, fn: () => Promise<unknown>): Promise<{ wall: number; queries: QueryEvent[] }> {
  d.events.length = 0;
  const t0 = performance.now();
  await fn();
  const wall = performance.now() - t0;
  await new Promise((r) => setImmediate(r));
  return { wall, queries: d.events.splice(0) };
}

interface PanelRun {
  /** panel name -> per-call server (query) time */
  panels: Map<string, number[]>;
  /** call name -> wall time of the whole function */
  calls: Map<string, number[]>;
  /** distinct query text -> its last sample, durations, and which call sent it */
  queries: Map<string, { sql: string; params: string; durations: number[]; call: string; table: string }>;
  unassigned: Set<string>;
}

async function measurePanels(d: Dashboard, now: Date, iterations: number): Promise<PanelRun> {
  const run: PanelRun = { panels: new Map(), calls: new Map(), queries: new Map(), unassigned: new Set() };
  const push = <K>(m: Map<K, number[]>, k: K, v: number) => { let a = m.get(k); if (!a) m.set(k, (a = [])); a.push(v); };
  const calls: { name: string; fn: () => Promise<unknown>; panel?: string }[] = [
    { name: 'getCommerceLive (page + /api/commerce/live)', fn: () => d.getCommerceLive(now) },
    { name: 'getCommerceSummary (/api/commerce/summary)', fn: () => d.getCommerceSummary(), panel: 'summary (/api/commerce/summary)' },
    { name: "getCommerceHistory('day')", fn: () => d.getCommerceHistory('day'), panel: 'history by day' },
    { name: "getCommerceHistory('week')", fn: () => d.getCommerceHistory('week'), panel: 'history by week' },
    { name: "getCommerceHistory('month')", fn: () => d.getCommerceHistory('month'), panel: 'history by month' },
  ];
  for (const c of calls) {
    for (let i = 0; i < WARMUP; i++) await c.fn();
    for (let i = 0; i < iterations; i++) {
      const { wall, queries } = await traced(d, c.fn);
      push(run.calls, c.name, wall);
      for (const q of queries) {
        const table = tableOf(q.query);
        if (!table) continue;
        const key = `${c.name}|${q.query}`;
        let e = run.queries.get(key);
        if (!e) run.queries.set(key, (e = { sql: q.query, params: q.params, durations: [], call: c.name, table }));
        e.durations.push(q.duration);
        e.params = q.params;
      }
      const real = queries.filter((q) => tableOf(q.query));
      if (c.panel) {
        // one panel per call: its queries' time (summary's run in parallel: the slowest of them, which is what the call waits for)
        push(run.panels, c.panel, c.name.startsWith('getCommerceSummary') ? Math.max(0, ...real.map((q) => q.duration)) : real.reduce((s, q) => s + q.duration, 0));
      } else {
        for (const p of LIVE_PANELS) {
          const mine = real.filter((q) => p.tables.includes(tableOf(q.query)!));
          if (!mine.length) continue;
          push(run.panels, p.name, p.combine === 'sum' ? mine.reduce((s, q) => s + q.duration, 0) : Math.max(...mine.map((q) => q.duration)));
        }
        for (const q of real) if (!LIVE_PANELS.some((p) => p.tables.includes(tableOf(q.query)!))) run.unassigned.add(q.query.slice(0, 160));
      }
    }
  }
  return run;
}

/** Prisma's params string (JSON array) as values for pg. */
function paramValues(params: string): unknown[] {
  try {
    const v = JSON.parse(params) as unknown;
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

async function explain(c: pg.Client, sql: string, params: string, analyze: boolean): Promise<string[]> {
  const { rows } = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN (${analyze ? 'ANALYZE, BUFFERS' : 'COSTS'}) ${sql}`, paramValues(params));
  return rows.map((r) => r['QUERY PLAN']);
}

/** One line: the plan's scan nodes, and any sequential scan of a table that grows with orders. */
function planSummary(plan: string[]): { line: string; seqScanBig: string[] } {
  const scans = plan.map((l) => /(Seq Scan|Index Only Scan|Index Scan|Bitmap Heap Scan|Bitmap Index Scan)(?: Backward)?(?: using (\S+))? on (\S+)[^(]*(?:\(cost[^)]*\))?\s*(?:\(actual time=[\d.]+\.\.([\d.]+) rows=(\d+)[^)]*\))?/.exec(l))
    .filter((m): m is RegExpExecArray => Boolean(m))
    .map((m) => `${m[1]}${m[2] ? ` using ${m[2]}` : ''} on ${m[3]}${m[5] ? ` (rows ${m[5]}, ${m[4]} ms)` : ''}`);
  const exec = plan.find((l) => /Execution Time/.test(l))?.trim() ?? '';
  const big = ['"CommerceMinute"', '"CommerceCategoryMinute"', '"ShopOrder"', '"OrderLine"', '"GradeChange"', '"ShopUser"', '"Product"'];
  const seqScanBig = plan.filter((l) => /Seq Scan on/.test(l) && big.some((t) => l.includes(t))).map((l) => l.trim());
  return { line: `${scans.join('; ') || plan[0]?.trim()}${exec ? `; ${exec}` : ''}`, seqScanBig };
}

// ─── the page ────────────────────────────────────────────────────────────────

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer().once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

const nextBin = path.join(REPO_ROOT, 'node_modules', '.bin', 'next');

async function ensureBuild(): Promise<string | null> {
  const buildId = path.join(REPO_ROOT, '.next', 'BUILD_ID');
  const state = webBuildState('.next');
  const built = state !== 'missing';
  const stale = state !== 'current';
  if (stale && process.env.BENCH_BUILD === '1') {
    const t0 = performance.now();
    console.log(`building the web app (${built ? 'sources changed' : 'no build yet'}) …`);
    const child = spawn(nextBin, ['build'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    if (code !== 0) return `next build failed (exit ${code})`;
    console.log(`  built in ${secs(t0)} s`);
    return null;
  }
  if (!built) return 'no .next build (run `npx next build`, or BENCH_BUILD=1)';
  if (stale) console.log(`note: .next was built ${fs.statSync(buildId).mtime.toISOString()}, before the newest source change; measuring that build (BENCH_BUILD=1 rebuilds)`);
  return null;
}

interface Web { url: string; stop: () => Promise<void>; log: string[] }

async function startWeb(databaseUrl: string): Promise<Web> {
  if (!(await portFree(WEB_PORT))) throw new Error(`port ${WEB_PORT} is in use: set BENCH_WEB_PORT`);
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production', PORT: String(WEB_PORT) };
  const child: ChildProcess = spawn(nextBin, ['start', '-p', String(WEB_PORT), '-H', '127.0.0.1'], { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  for (const s of [child.stdout!, child.stderr!]) s.on('data', (b: Buffer) => { log.push(...b.toString().split('\n').filter(Boolean)); if (log.length > 50) log.splice(0, log.length - 50); });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let dead = false;
  void exited.then(() => { dead = true; });
  const url = `http://127.0.0.1:${WEB_PORT}`;
  const stop = async () => {
    if (dead) return;
    try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* gone */ }
    await Promise.race([exited, sleep(10_000)]);
    if (!dead) try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ }
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (dead) throw new Error(`next start exited:\n${log.join('\n')}`);
    try {
      const r = await fetch(`${url}/login`, { redirect: 'manual' });
      await r.arrayBuffer();
      return { url, stop, log };
    } catch { await sleep(300); }
  }
  await stop();
  throw new Error(`next start did not answer within 90 s:\n${log.join('\n')}`);
}

async function ensureStaff(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rowCount } = await c.query(`SELECT 1 FROM "Account" WHERE email = $1`, [STAFF_EMAIL]);
    if (!rowCount) {
      await c.query(`INSERT INTO "Account" (id, email, "passwordHash", role, "displayName") VALUES (gen_random_uuid(), $1, $2, 'staff', '운영팀')`,
        [STAFF_EMAIL, await hashPassword(DEMO_PASSWORD)]);
    }
  } finally {
    await c.end();
  }
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: STAFF_EMAIL, password: DEMO_PASSWORD }) });
  if (!res.ok) throw new Error(`login ${STAFF_EMAIL}: HTTP ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

const ROUTES = ['/staff/commerce', '/staff/commerce/history?by=week', '/api/commerce/live', '/api/commerce/summary'];

async function measurePage(web: Web, cookie: string, requests: number): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for (const route of ROUTES) {
    const get = async () => {
      const t0 = performance.now();
      const res = await fetch(`${web.url}${route}`, { headers: { cookie }, redirect: 'manual' });
      const body = await res.text();
      const t = performance.now() - t0;
      if (res.status !== 200) throw new Error(`GET ${route}: HTTP ${res.status} ${body.slice(0, 200)}`);
      return t;
    };
    for (let i = 0; i < 10; i++) await get();
    const times: number[] = [];
    for (let i = 0; i < requests; i++) times.push(await get());
    out.set(route, times);
  }
  return out;
}

// ─── main ────────────────────────────────────────────────────────────────────

async function main(): Promise<number> {
  const own = process.env.DATABASE_URL ? null
    : await startPostgres({ dataDir: path.join(REPO_ROOT, '.data', 'bench-dashboard', 'pg'), port: PG_PORT, durable: false, log: (l) => console.log(l) });
  const server = process.env.DATABASE_URL ?? own!.url;
  const baseUrl = dbUrl(server, DB_NAME);
  let web: Web | null = null;
  let dashboard: Dashboard | null = null;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    console.log(`bench:dashboard on ${redactUrl(baseUrl)}`);
    let meta = process.env.BENCH_REBUILD === '1' ? null : await existingData(baseUrl);
    if (!meta || meta.version !== DATA_VERSION) {
      const t0 = performance.now();
      const asOf = new Date(Math.floor(Date.now() / 60_000) * 60_000);
      console.log(`building ${n(ORDERS)} orders, ${n(USERS)} users, ${n(PRODUCTS)} products up to ${asOf.toISOString()} …`);
      await admin.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${DB_NAME}"`);
      await migrateDeploy(baseUrl);
      await build(baseUrl, asOf);
      console.log(`built in ${secs(t0)} s`);
      meta = { version: DATA_VERSION, asOf };
    } else console.log(`reusing the data set built earlier, orders up to ${meta.asOf.toISOString()} (BENCH_REBUILD=1 builds it again)`);

    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    try {
      const f = await figures(c);
      console.log(`data: ${n(f.orders)} orders, ${n(f.lines)} order lines, ${n(f.users)} users, ${n(f.products)} products, ${n(f.gradeChanges)} grade changes; `
        + `read models ${n(f.minutes)} CommerceMinute, ${n(f.categoryMinutes)} CommerceCategoryMinute, ${n(f.days)} CommerceDay rows (${f.size})`);
      await c.query(`UPDATE "GeneratorStatus" SET "reportedAt" = now() AT TIME ZONE 'UTC' WHERE id = 1`);
      // The live windows end at the last order (the data's asOf); the HTTP part runs at the real now, so on a reused
      // data set older than the 60-minute window its charts read fewer (or no) minute rows.
      const staleMin = (Date.now() - meta.asOf.getTime()) / 60_000;
      if (staleMin > 1) console.log(`note: the data ends ${staleMin.toFixed(0)} min ago: per-panel calls use now = ${meta.asOf.toISOString()} (full windows); the pages use the real now${staleMin > 60 ? ' (their 60-minute windows are empty: BENCH_REBUILD=1 for full ones)' : ''}`);
    } finally {
      await c.end();
    }

    const calBefore = await calibrate({ databaseUrl: baseUrl });
    console.log(`${formatCalibration(calBefore)}  [shared, loaded machine: other sessions' processes run beside this benchmark]`);

    dashboard = await loadDashboard(baseUrl);
    await dashboard.client.$queryRaw`SELECT 1`;

    const buildProblem = await ensureBuild();
    let cookie = '';
    let pageProblem: string | null = buildProblem;
    if (!pageProblem) {
      try {
        await ensureStaff(baseUrl);
        const t0 = performance.now();
        web = await startWeb(baseUrl);
        cookie = await login(web.url);
        console.log(`web app up on ${web.url} (next start, .next build) in ${secs(t0)} s; signed in as ${STAFF_EMAIL}`);
      } catch (e) {
        pageProblem = (e as Error).message;
        await web?.stop();
        web = null;
      }
    }
    if (pageProblem) console.log(`page part NOT measured: ${pageProblem}`);

    const panelRuns: PanelRun[] = [];
    const pageRuns: Map<string, number[]>[] = [];
    const now = meta.asOf;
    for (let run = 1; run <= RUNS; run++) {
      const t0 = performance.now();
      const p = await measurePanels(dashboard, now, ITERATIONS);
      panelRuns.push(p);
      console.log(`\nrun ${run}/${RUNS}: per panel, server (query) time over ${ITERATIONS} calls (${secs(t0)} s)`);
      for (const [name, xs] of p.panels) console.log(`  panel ${name.padEnd(36)} ${fmtStats(stats(xs))}`);
      for (const [name, xs] of p.calls) console.log(`  call  ${name.padEnd(44)} wall ${fmtStats(stats(xs))}`);
      if (p.unassigned.size) console.log(`  queries of getCommerceLive not in any panel: ${[...p.unassigned].join(' | ')}`);
      if (web) {
        const t1 = performance.now();
        try {
          const r = await measurePage(web, cookie, REQUESTS);
          pageRuns.push(r);
          console.log(`run ${run}/${RUNS}: HTTP, time to the full response on loopback over ${REQUESTS} requests (${secs(t1)} s)`);
          for (const [route, xs] of r) console.log(`  GET ${route.padEnd(34)} ${fmtStats(stats(xs))}`);
        } catch (e) {
          console.log(`  HTTP part failed: ${(e as Error).message}\n  ${web.log.slice(-10).join('\n  ')}`);
          await web.stop();
          web = null;
          pageProblem = (e as Error).message;
        }
      }
    }

    // The rule, and the plans: every distinct query the panels sent.
    const last = panelRuns.at(-1)!;
    const byOrders = [...last.queries.values()].filter((q) => touchesOrders(q.sql));
    console.log(`\nrule "panels read read models, never orders": ${byOrders.length ? `BROKEN by ${byOrders.length} queries:` : `kept (no query of ${last.queries.size} distinct ones reads ShopOrder or OrderLine)`}`);
    for (const q of byOrders) console.log(`  ${q.call}: ${q.sql.slice(0, 300)}`);
    const c2 = new pg.Client({ connectionString: baseUrl });
    await c2.connect();
    try {
      console.log(`each panel query as sent (last run): Prisma's duration within its call (the page runs the live ones all at once), the same SQL alone over pg (${ITERATIONS} times, one at a time), its plan (EXPLAIN ANALYZE):`);
      const seqBig: string[] = [];
      const alone = new Map<string, Stats>();
      const short = (call: string) => call.replace(/ \(.*\)$/, '');
      for (const [key, q] of last.queries) {
        try {
          // the same query alone, one at a time over pg: what the database costs without the page's other queries beside it
          const values = paramValues(q.params);
          for (let i = 0; i < WARMUP; i++) await c2.query(q.sql, values);
          const times: number[] = [];
          for (let i = 0; i < ITERATIONS; i++) {
            const t0 = performance.now();
            await c2.query(q.sql, values);
            times.push(performance.now() - t0);
          }
          const a = stats(times);
          alone.set(key, a);
          const s = planSummary(await explain(c2, q.sql, q.params, true));
          console.log(`  ${`${short(q.call)} ${q.table}`.padEnd(48)} in the call p95 ${ms(stats(q.durations).p95).padStart(5)} ms; alone p50 ${ms(a.p50)} / p95 ${ms(a.p95)} ms; ${s.line}`);
          seqBig.push(...s.seqScanBig.map((l) => `${q.table}: ${l}`));
        } catch (e) {
          console.log(`  ${`${short(q.call)} ${q.table}`.padEnd(48)} (could not run or EXPLAIN: ${(e as Error).message})`);
        }
      }
      console.log(seqBig.length ? `sequential scans of large tables:\n  ${seqBig.join('\n  ')}` : 'no sequential scan of a large table (only of the one-row and few-row read models)');
      // The slowest for the database: by its time alone (in the call, every query also waits for the ones beside it).
      const slowestKey = [...alone.entries()].sort((a, b) => b[1].p50 - a[1].p50)[0]?.[0];
      const slowest = slowestKey ? last.queries.get(slowestKey) : undefined;
      if (slowest) {
        console.log(`slowest panel query alone (p50 ${ms(alone.get(slowestKey!)!.p50)} ms, p95 ${ms(alone.get(slowestKey!)!.p95)} ms; from ${slowest.call}):\n  ${slowest.sql.replace(/\s+/g, ' ').slice(0, 700)}\n  params ${slowest.params}`);
        try {
          console.log((await explain(c2, slowest.sql, slowest.params, true)).map((l) => `  | ${l}`).join('\n'));
        } catch (e) {
          console.log(`  (could not EXPLAIN: ${(e as Error).message})`);
        }
      }
    } finally {
      await c2.end();
    }

    const calAfter = await calibrate({ databaseUrl: baseUrl });
    console.log(`\n${formatCalibration(calAfter)}  [after]`);

    // Summary: medians over the runs.
    console.log(`\nbench:dashboard ${n(ORDERS)} orders: medians over ${RUNS} runs of ${ITERATIONS} calls (p50 / p95 per run)`);
    let worst = 0;
    const panelNames = [...panelRuns[0]!.panels.keys()];
    const medOf = (xs: Map<string, number[]>[], k: string, p: 'p50' | 'p95') => median(xs.map((r) => stats(r.get(k) ?? [])[p]));
    const lines: string[] = [];
    for (const name of panelNames) {
      const p95 = medOf(panelRuns.map((r) => r.panels), name, 'p95');
      worst = Math.max(worst, p95);
      lines.push(`panel ${name}: p95 ${ms(p95)} ms (goal < ${GOAL_MS} ms)${p95 < GOAL_MS ? '' : '  NOT MET'}  [p50 ${ms(medOf(panelRuns.map((r) => r.panels), name, 'p50'))} ms; runs ${panelRuns.map((r) => ms(stats(r.panels.get(name) ?? []).p95)).join(', ')}]`);
    }
    for (const name of panelRuns[0]!.calls.keys()) {
      lines.push(`call ${name}: wall p95 ${ms(medOf(panelRuns.map((r) => r.calls), name, 'p95'))} ms, p50 ${ms(medOf(panelRuns.map((r) => r.calls), name, 'p50'))} ms`);
    }
    if (pageRuns.length) {
      for (const route of ROUTES) {
        lines.push(`page GET ${route}: p95 ${ms(medOf(pageRuns, route, 'p95'))} ms, p50 ${ms(medOf(pageRuns, route, 'p50'))} ms (full response, loopback; runs ${pageRuns.map((r) => ms(stats(r.get(route) ?? []).p95)).join(', ')})`);
      }
    } else lines.push(`page: NOT measured (${pageProblem ?? 'unknown'})`);
    console.log(lines.join('\n'));
    console.log(`rule: ${byOrders.length ? `${byOrders.length} panel queries read ShopOrder/OrderLine` : 'no panel query reads ShopOrder or OrderLine'}`);
    console.log(formatCalibration(calBefore) + '  [before]');
    console.log(formatCalibration(calAfter) + '  [after]');
    return worst < GOAL_MS && !byOrders.length ? 0 : 1;
  } finally {
    await web?.stop();
    await dashboard?.client.$disconnect().catch(() => {});
    await admin.end();
    await own?.stop();
  }
}

process.exit(await main());
