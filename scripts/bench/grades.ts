// `npm run bench:grades`: one grade pass over 1,000,000 shop users and ~10,000,000 order lines
// (~3,000,000 orders) must take under 10 s. Prints the calibration measured in the same run, each
// pass's time and rows changed, and the medians over BENCH_RUNS (default 3) fresh copies.
//
// Data: built once with set-based generate_series SQL into its own database `switchboard_bench_grades`
// on DATABASE_URL's server (default: starts its own durable embedded PostgreSQL on .data/bench-grades,
// port 54409), migrated with migrateDeploy, kept for the next run (BENCH_REBUILD=1 builds it again).
// Every user has an active period somewhere in [asOf - 365 days, asOf + 30 days) and a heavy-tailed
// number of orders spread over it; order totals are log-normal (median ₩90,000); carts have 1-10
// lines with the seed's weights. The users' grades start as the grade pass gave them a week before
// asOf, so the measured pass promotes and demotes like the weekly pass of a history run.
// Each run copies that database (CREATE DATABASE … TEMPLATE), times pass 1 as of asOf, pass 2 on
// the same data (only the one-step demotions continue) and, after putting every user back to BRONZE
// (not timed), the first pass ever (the most rows changed), then drops the copy.
// BENCH_EXPLAIN=1 prints EXPLAIN (ANALYZE, BUFFERS) of pass 1 on the first copy (then rolls it back).
import path from 'node:path';
import pg from 'pg';
import { CATEGORIES } from '../../lib/commerce/catalogue/categories';
import { createDb } from '../../lib/platform/db';
import { gradePassSql, PASS_SETTINGS, runGradePass, type GradePassResult } from '../../lib/commerce/grades/run-grade-pass';
import { migrateDeploy } from '../migrate';
import { redactUrl, REPO_ROOT } from '../stack/config';
import { startPostgres } from '../stack/postgres';
import { calibrate, formatCalibration, median } from './calibration';

const USERS = Number(process.env.BENCH_USERS || 1_000_000);
const PRODUCTS = 20_000;
const RUNS = Number(process.env.BENCH_RUNS || 3);
const BASE = 'switchboard_bench_grades';
const COPY = `${BASE}_run`;
/** The reference time of the measured pass: midnight KST, 1 Jan 2026 (the history run's year end). */
const AS_OF = new Date('2025-12-31T15:00:00Z');
const DAY_MS = 24 * 3600_000;
/** bump when the generated data changes, so an old database is rebuilt */
const DATA_VERSION = `v2 users=${USERS}`;

const dbUrl = (server: string, name: string) => {
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.toString();
};
const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);
const n = (x: number | bigint) => x.toLocaleString('en-US');

async function step(c: pg.Client, what: string, sql: string): Promise<void> {
  const t0 = performance.now();
  const r = await c.query(sql);
  console.log(`  ${what}${typeof r.rowCount === 'number' && r.command === 'INSERT' ? `: ${n(r.rowCount)} rows` : ''} (${secs(t0)} s)`);
}

/** Builds the data set in `url` (a freshly migrated, empty database). */
async function build(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    // Bulk load: no FK triggers, indexes built once at the end, one WAL flush per statement is all we pay.
    await c.query(`SET session_replication_role = replica; SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'`);
    const { rows: idx } = await c.query<{ name: string; def: string }>(`
      SELECT indexname AS name, indexdef AS def FROM pg_indexes
      WHERE tablename IN ('ShopUser', 'ShopOrder', 'OrderLine') AND indexname NOT LIKE '%_pkey'`);
    for (const i of idx) await c.query(`DROP INDEX "${i.name}"`);
    await c.query(`SELECT setseed(0.2026)`);
    const cats = `ARRAY[${CATEGORIES.map((x) => `'${x}'`).join(',')}]`;
    await step(c, 'products', `
      INSERT INTO "Product" (id, category, name, brand, price, "listPrice", "discountRate", description, rating, "reviewCount", stock, "createdAt")
      SELECT 'P' || lpad(to_hex(p), 8, '0'), (${cats})[p % 19 + 1], '벤치상품 ' || p, NULL, 10000 + p * 10, 10000 + p * 10, 0, '', 4.0, 0, 100,
             timestamp '2020-01-01' + p * interval '1 minute'
      FROM generate_series(1, ${PRODUCTS}) p`);
    const provinces = `ARRAY['서울','부산','대구','인천','광주','대전','울산','경기','강원','충청','전라','경상','제주']`;
    await step(c, 'users', `
      INSERT INTO "ShopUser" (id, name, gender, age, "birthYear", province, district, street, email, phone, grade, status, "marketingConsent", "createdAt", "randomSeed")
      SELECT 'U_' || lpad(u::text, 8, '0'), '회원' || u, (CASE WHEN u % 2 = 0 THEN 'F' ELSE 'M' END)::"Gender", 20 + u % 41, 2026 - 20 - u % 41,
             (${provinces})[u % 13 + 1], '중구', '벤치로 ' || u, 'u' || u || '@example.com',
             '010-' || lpad((u / 10000 % 10000)::text, 4, '0') || '-' || lpad((u % 10000)::text, 4, '0'), 'BRONZE', 'ACTIVE', u % 2 = 0,
             timestamp '2021-01-01' + (u % 1800) * interval '1 day', random()
      FROM generate_series(1, ${USERS}) u`);
    // Per user: a heavy-tailed number of orders over an active period of 30-330 days starting anywhere
    // in [T0, T0 + 350 days), cut at T0 + 395 days; T0 = asOf - 365 days (so some orders fall after asOf).
    const start = new Date(AS_OF.getTime() - 365 * DAY_MS).toISOString();
    await c.query(`CREATE TEMP SEQUENCE bench_order_seq`);
    await step(c, 'orders', `
      INSERT INTO "ShopOrder" (id, "userId", "orderedAt", "paymentMethod", subtotal, "shippingFee", discount, total, "lineCount", "itemCount", "scenarioId", "buyerProvince", "buyerGender", "buyerAge")
      SELECT lpad(to_hex(nextval('bench_order_seq')), 32, '0')::uuid, p.id,
             timestamp '${start.slice(0, 19)}' + (p.start + random() * p.span) * interval '1 day',
             (ARRAY['Card','NaverPay','KakaoPay','Bank']::"PaymentMethod"[])[1 + floor(random() * 4)::int],
             s.sub, CASE WHEN s.sub < 50000 THEN 3000 ELSE 0 END, 0, s.sub + CASE WHEN s.sub < 50000 THEN 3000 ELSE 0 END,
             s.lines, s.lines, 0, '서울', 'F', 30
      FROM (
        SELECT 'U_' || lpad(u::text, 8, '0') AS id, start, least(30 + random() * 300, 395 - start) AS span,
               CASE WHEN t < 0.52 THEN floor(random() * 3) WHEN t < 0.86 THEN 1 + floor(random() * 4) WHEN t < 0.965 THEN 3 + floor(random() * 8)
                    WHEN t < 0.993 THEN 10 + floor(random() * 26) ELSE 30 + floor(random() * 71) END::int AS k
        FROM (SELECT u, random() AS t, random() * 350 AS start FROM generate_series(1, ${USERS}) u OFFSET 0) r
        OFFSET 0
      ) p
      CROSS JOIN LATERAL generate_series(1, p.k) j
      -- OFFSET 0 keeps each random draw one value however often it is referenced
      CROSS JOIN LATERAL (SELECT j AS jj, random() AS r1, random() AS r2, random() AS r3 OFFSET 0) rr
      CROSS JOIN LATERAL (
        SELECT greatest(5000, least(20000000, round(90000 * exp(0.9 * sqrt(-2 * ln(1 - rr.r2)) * cos(2 * pi() * rr.r3)))))::int AS sub,
               CASE WHEN rr.r1 < .25 THEN 1 WHEN rr.r1 < .45 THEN 2 WHEN rr.r1 < .60 THEN 3 WHEN rr.r1 < .72 THEN 4 WHEN rr.r1 < .82 THEN 5
                    WHEN rr.r1 < .89 THEN 6 WHEN rr.r1 < .94 THEN 7 WHEN rr.r1 < .97 THEN 8 WHEN rr.r1 < .99 THEN 9 ELSE 10 END AS lines
        OFFSET 0
      ) s`);
    await step(c, 'order lines', `
      INSERT INTO "OrderLine" ("orderId", "lineNo", "productId", category, quantity, "unitPrice", amount)
      SELECT o.id, l, 'P' || lpad(to_hex(pr), 8, '0'), (${cats})[pr % 19 + 1], 1, a, a
      FROM "ShopOrder" o
      CROSS JOIN LATERAL generate_series(1, o."lineCount") l
      CROSS JOIN LATERAL (SELECT o.subtotal / o."lineCount" + CASE WHEN l = 1 THEN o.subtotal % o."lineCount" ELSE 0 END AS a,
                                 1 + floor(random() * ${PRODUCTS} + l * 0)::int AS pr OFFSET 0) x`);
    for (const i of idx) await step(c, `index ${i.name}`, i.def);
    await step(c, 'vacuum analyze', `VACUUM ANALYZE`);
    await c.query(`RESET session_replication_role`);
  } finally {
    await c.end();
  }
  // The grades a week before asOf, as the pass gives them (from BRONZE: what each user qualified for then).
  const db = createDb(url, 1);
  try {
    const t1 = performance.now();
    const r = await runGradePass(db, { asOf: new Date(AS_OF.getTime() - 7 * DAY_MS) });
    console.log(`  grades as of asOf - 7 days: ${n(r.changed)} users above BRONZE (${secs(t1)} s)`);
  } finally {
    await db.$disconnect();
  }
  const c2 = new pg.Client({ connectionString: url });
  await c2.connect();
  try {
    await c2.query(`TRUNCATE "GradeChange", "OutboxEvent"`);
    await c2.query(`DELETE FROM "CommerceGradeCount"`);
    await c2.query(`INSERT INTO "CommerceGradeCount" (grade, users) SELECT grade, count(*) FROM "ShopUser" GROUP BY grade`);
    await c2.query(`CREATE TABLE bench_meta (version text NOT NULL)`);
    await c2.query(`INSERT INTO bench_meta VALUES ($1)`, [DATA_VERSION]);
    await c2.query(`VACUUM ANALYZE`);
  } finally {
    await c2.end();
  }
}

async function existingVersion(url: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    const { rows } = await c.query<{ version: string }>(`SELECT version FROM bench_meta`);
    return rows[0]?.version ?? null;
  } catch {
    return null;
  } finally {
    await c.end().catch(() => {});
  }
}

async function figures(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const q = async (sql: string) => Number((await c.query<{ n: string }>(sql)).rows[0]!.n);
    const from = new Date(AS_OF.getTime() - 180 * DAY_MS).toISOString();
    return {
      users: await q(`SELECT count(*) AS n FROM "ShopUser"`),
      orders: await q(`SELECT count(*) AS n FROM "ShopOrder"`),
      lines: await q(`SELECT sum("lineCount") AS n FROM "ShopOrder"`),
      inWindow: await q(`SELECT count(*) AS n FROM "ShopOrder" WHERE "orderedAt" >= '${from}' AND "orderedAt" < '${AS_OF.toISOString()}'`),
      afterAsOf: await q(`SELECT count(*) AS n FROM "ShopOrder" WHERE "orderedAt" >= '${AS_OF.toISOString()}'`),
      grades: (await c.query<{ grade: string; users: number }>(`SELECT grade, users FROM "CommerceGradeCount" ORDER BY grade`)).rows
        .map((r) => `${r.grade} ${n(r.users)}`).join(', '),
      size: (await c.query<{ s: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`)).rows[0]!.s,
    };
  }
  finally {
    await c.end();
  }
}

async function explain(url: string): Promise<void> {
  const db = createDb(url, 1);
  try {
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(PASS_SETTINGS);
      const { Prisma } = await import('../../lib/generated/prisma/client');
      const rows = await tx.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${gradePassSql({ asOf: AS_OF }, '00000000-0000-4000-8000-000000000000')}`);
      console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
      throw new Error('rollback');
    }, { timeout: 600_000 }).catch((e: Error) => { if (e.message !== 'rollback') throw e; });
  } finally {
    await db.$disconnect();
  }
}

async function main(): Promise<number> {
  const own = process.env.DATABASE_URL ? null
    : await startPostgres({ dataDir: path.join(REPO_ROOT, '.data', 'bench-grades', 'pg'), port: 54409, log: (l) => console.log(l) });
  const server = process.env.DATABASE_URL ?? own!.url;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    const baseUrl = dbUrl(server, BASE);
    console.log(`bench:grades on ${redactUrl(baseUrl)}`);
    if (process.env.BENCH_REBUILD === '1' || (await existingVersion(baseUrl)) !== DATA_VERSION) {
      const t0 = performance.now();
      console.log(`building ${n(USERS)} users and their orders …`);
      await admin.query(`DROP DATABASE IF EXISTS "${BASE}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${BASE}"`);
      await migrateDeploy(baseUrl);
      await build(baseUrl);
      console.log(`built in ${secs(t0)} s`);
    } else console.log(`reusing the data set built earlier (BENCH_REBUILD=1 builds it again)`);
    const f = await figures(baseUrl);
    console.log(`data: ${n(f.users)} users, ${n(f.orders)} orders, ${n(f.lines)} order lines (${f.size}); ${n(f.inWindow)} orders in the window [asOf - 180 days, asOf), ${n(f.afterAsOf)} after asOf; grades before: ${f.grades}`);

    const cal = await calibrate({ databaseUrl: baseUrl });
    console.log(formatCalibration(cal));

    const first: GradePassResult[] = [];
    const second: GradePassResult[] = [];
    const cold: GradePassResult[] = [];
    for (let run = 1; run <= RUNS; run++) {
      await admin.query(`DROP DATABASE IF EXISTS "${COPY}" WITH (FORCE)`);
      const t0 = performance.now();
      await admin.query(`CREATE DATABASE "${COPY}" TEMPLATE "${BASE}" STRATEGY FILE_COPY`);
      const copyUrl = dbUrl(server, COPY);
      const copySecs = secs(t0);
      if (run === 1 && process.env.BENCH_EXPLAIN === '1') await explain(copyUrl);
      const db = createDb(copyUrl, 1);
      try {
        await db.$queryRaw`SELECT 1`; // connect outside the timing
        const a = await runGradePass(db, { asOf: AS_OF });
        const b = await runGradePass(db, { asOf: AS_OF });
        // The worst case: the first pass ever, every user BRONZE (the reset is not timed).
        await db.$executeRaw`UPDATE "ShopUser" SET grade = 'BRONZE' WHERE grade <> 'BRONZE'`;
        await db.$executeRaw`UPDATE "CommerceGradeCount" SET users = CASE WHEN grade = 'BRONZE' THEN ${USERS} ELSE 0 END`;
        await db.$executeRaw`VACUUM ANALYZE "ShopUser"`;
        const c = await runGradePass(db, { asOf: AS_OF });
        first.push(a);
        second.push(b);
        cold.push(c);
        const line = (r: GradePassResult) => `${n(r.ms)} ms, ${n(r.changed)} rows changed (${n(r.promoted)} promoted, ${n(r.demoted)} demoted) of ${n(r.users)} users assessed`;
        console.log(`run ${run} (fresh copy in ${copySecs} s):\n  pass 1 ${line(a)}\n  pass 2 on the same data ${line(b)}\n  first pass ever (all BRONZE) ${line(c)}`);
      } finally {
        await db.$disconnect();
        await admin.query(`DROP DATABASE IF EXISTS "${COPY}" WITH (FORCE)`);
      }
    }
    const med = (xs: GradePassResult[]) => median(xs.map((r) => r.ms));
    const m1 = med(first);
    console.log(`\nbench:grades ${n(USERS)} users, ${n(f.lines)} order lines (${n(f.orders)} orders): one grade pass median ${(m1 / 1000).toFixed(2)} s `
      + `over ${RUNS} fresh copies (${first.map((r) => (r.ms / 1000).toFixed(2)).join(', ')} s), ${n(median(first.map((r) => r.changed)))} rows changed; `
      + `pass 2 on the same data median ${(med(second) / 1000).toFixed(2)} s, ${n(median(second.map((r) => r.changed)))} rows changed; `
      + `first pass ever (all BRONZE) median ${(med(cold) / 1000).toFixed(2)} s, ${n(median(cold.map((r) => r.changed)))} rows changed; goal < 10 s: ${m1 < 10_000 ? 'met' : 'NOT met'}`);
    console.log(formatCalibration(cal));
    return m1 < 10_000 ? 0 : 1;
  } finally {
    await admin.end();
    await own?.stop();
  }
}

process.exit(await main());
