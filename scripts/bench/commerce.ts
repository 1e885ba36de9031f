// `npm run bench:commerce`: the commerce pipeline at full rate on this machine. Starts its own PostgreSQL and
// Kafka (.data/bench-commerce, PG 54389, Kafka 19692/19693; BENCH_PG_PORT / BENCH_KAFKA_PORT move them), seeds the
// catalogue, runs the generator at COMMERCE_RATE (default 1,500 carts/s ≈ 5,000 order lines/s) into the users,
// products and three orders sinks and the commerce projection, and prints, per measured window and as medians:
//   order lines written per second (from the sinks' own counters) and the backlog left,
//   produced -> row visible latency p50/p95/p99 (1 order in 8 sampled; polled every 100 ms, so up to 100 ms is polling),
//   CPU per order line for each process,
// then the generator's PostgreSQL queries per cart with the hot pool and without it (COMMERCE_POOL=none),
// and a calibration line measured in the same run (scripts/bench/calibration.ts).
// Env: BENCH_COMMERCE_RATE (carts/s), BENCH_SECONDS (per window, 20), BENCH_RUNS (3), BENCH_WARMUP_SECONDS (10).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { topicsFor, topicSpecsFor } from '../../lib/platform/events/topics';
import { REPO_ROOT } from '../stack/config';
import { freshDatabase } from '../stack/fresh-database';
import { startStack } from '../stack/index';
import { calibrate, formatCalibration, median, percentile } from './calibration';
import { cpuByRole, cpuPerUnit } from './cpu';

const RATE = Number(process.env.BENCH_COMMERCE_RATE || 1500);
const SECONDS = Number(process.env.BENCH_SECONDS || 20);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
const PG_PORT = Number(process.env.BENCH_PG_PORT || 54389);
const KAFKA_PORT = Number(process.env.BENCH_KAFKA_PORT || 19692);
const dataDir = path.join(REPO_ROOT, '.data', 'bench-commerce');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const pct = percentile;

interface Proc { name: string; child: ChildProcess; exited: Promise<void> }

function startWorker(name: string, env: NodeJS.ProcessEnv): Promise<Proc> {
  const child = spawn(process.execPath, ['--import', 'tsx', `workers/${name}.ts`], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let out = '';
  // Every worker's output goes to .data/bench-commerce/workers.log, to look into a slow window afterwards.
  const log = fs.createWriteStream(path.join(dataDir, 'workers.log'), { flags: 'a' });
  const tag = (d: Buffer) => d.toString().replace(/^(?=.)/gm, `${name}[${child.pid}] `);
  child.stdout!.on('data', (d: Buffer) => log.write(tag(d)));
  child.stderr!.on('data', (d: Buffer) => log.write(tag(d)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} not ready in 60 s:\n${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready')) { clearTimeout(timer); resolve({ name, child, exited }); }
    });
    child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before ready:\n${out}`)));
  });
}

async function stopAll(procs: Proc[]) {
  for (const p of procs) p.child.kill('SIGTERM');
  await Promise.race([Promise.all(procs.map((p) => p.exited)), sleep(10_000)]);
  for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
}

interface Window {
  linesPerSec: number; cartsPerSec: number; backlogLines: number; p50: number; p95: number; p99: number; samples: number; cpu: [string, number][]; lines: number;
  /** sampled orders of the window the poller did not see become visible in time (their latency is unknown, and large) */
  notSeen: number;
  /** where the latency went, from the tap: checkout -> sent to Kafka, sent -> fetched by a consumer */
  stages: { name: string; p50: number; p99: number }[];
}

/**
 * A consumer of its own group on the orders topic (the sinks' latency is not changed by it: it costs the broker one
 * more fetch loop). For the same 1 in 8 orders the poller samples it records when the generator checked the cart
 * out (orderedAt), when it handed it to kafkajs (the record's CreateTime) and when a fetch returned it: the part of
 * the latency spent before a sink could see the order.
 */
class Tap {
  samples: { orderedAt: number; queued: number; transit: number }[] = [];
  private constructor(private consumer: ReturnType<Kafka['consumer']>) {}
  static async start(brokers: string, topic: string): Promise<Tap> {
    const kafka = new Kafka({ clientId: 'bench-tap', brokers: [brokers], logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `bench-tap-${Date.now()}`, maxWaitTimeInMs: 100 });
    const tap = new Tap(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: false });
    await consumer.run({ partitionsConsumedConcurrently: 6, eachBatch: async ({ batch }) => {
      const fetched = Date.now();
      for (const m of batch.messages) {
        const v = m.value?.toString() ?? '';
        const id = /"orderId":"([^"]+)"/.exec(v)?.[1];
        if (!id || !'08'.includes(id.at(-1)!)) continue;
        const orderedAt = Date.parse(/"orderedAt":"([^"]+)"/.exec(v)?.[1] ?? '');
        const sent = Number(m.timestamp);
        tap.samples.push({ orderedAt, queued: sent - orderedAt, transit: fetched - sent });
      }
    } });
    return tap;
  }
  /** the samples of orders checked out in [from, to) */
  between(from: Date, to: Date) { return this.samples.filter((s) => s.orderedAt >= from.getTime() && s.orderedAt < to.getTime()); }
  stop() { return this.consumer.disconnect(); }
}

/** Lines written (sinks' counter) and the generator's produced lines, both from PostgreSQL. */
async function counts(db: pg.Client) {
  const r = await db.query<{ lines: string; orders: string; produced: string | null }>(
    `SELECT t."orderLines" AS lines, t.orders, s."linesProduced" AS produced FROM "CommerceTotals" t LEFT JOIN "GeneratorStatus" s ON s.id = 1 WHERE t.id = 1`);
  const row = r.rows[0];
  return { lines: Number(row?.lines ?? 0), orders: Number(row?.orders ?? 0), produced: Number(row?.produced ?? 0) };
}

/** How long after a window the poller still looks for its orders (a later one is reported as not seen). */
const GRACE_MS = 5_000;

async function measure(db: pg.Client, seconds: number, tap?: Tap): Promise<Window> {
  // Only orders checked out inside the window count: the first poll must not take the rows of the seconds before
  // it, visible long ago, for new ones (it did until 2026-12-02, and reported their age as a p99 of 4-5 s).
  const windowStart = new Date();
  let windowEnd: Date | null = null;
  const latencies: number[] = [];
  const bySecond = new Map<number, number>(); // second of checkout -> slowest order of it (BENCH_VERBOSE prints them)
  const seen = new Set<string>();
  let cursor = windowStart;
  let polling = true;
  const poller = (async () => {
    while (polling) {
      // from 10 s before the newest order seen: an order later than that by more than 10 s would be missed here,
      // and is counted below as not seen
      const from = new Date(Math.max(windowStart.getTime(), cursor.getTime() - 10_000));
      const r = await db.query<{ id: string; at: Date; now: Date }>(
        `SELECT id, "orderedAt" AS at, clock_timestamp() AS now FROM "ShopOrder"
         WHERE "orderedAt" >= $1 AND "orderedAt" < $2 AND right(id::text, 1) IN ('0', '8')`, [from, windowEnd ?? new Date(8.64e15)]);
      for (const row of r.rows) {
        if (seen.has(row.id)) continue;
        seen.add(row.id);
        const ms = row.now.getTime() - row.at.getTime();
        latencies.push(ms);
        const sec = Math.floor(row.at.getTime() / 1000);
        bySecond.set(sec, Math.max(bySecond.get(sec) ?? 0, ms));
        if (row.at > cursor) cursor = row.at;
      }
      await sleep(100);
    }
  })();
  const before = await counts(db);
  const cpuBefore = cpuByRole(process.pid);
  const t0 = performance.now();
  await sleep(seconds * 1000);
  const after = await counts(db);
  const elapsed = (performance.now() - t0) / 1000;
  const cpuAfter = cpuByRole(process.pid);
  windowEnd = new Date();
  await sleep(GRACE_MS);
  polling = false;
  await poller;
  const all = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ShopOrder" WHERE "orderedAt" >= $1 AND "orderedAt" < $2 AND right(id::text, 1) IN ('0', '8')`, [windowStart, windowEnd]);
  const notSeen = all.rows[0]!.n - latencies.length;
  const lines = after.lines - before.lines;
  if (process.env.BENCH_VERBOSE) console.log(`  slowest order per second of checkout: ${[...bySecond].sort((a, b) => a[0] - b[0]).map(([t, ms]) => `${new Date(t * 1000).toISOString().slice(14, 19)} ${n(ms)}`).join(', ')}`);
  const tapped = tap?.between(windowStart, windowEnd) ?? [];
  const stage = (name: string, xs: number[]) => ({ name, p50: pct(xs, 50), p99: pct(xs, 99) });
  return {
    stages: tapped.length ? [stage('checkout -> sent', tapped.map((t) => t.queued)), stage('sent -> fetched', tapped.map((t) => t.transit))] : [],
    linesPerSec: lines / elapsed, cartsPerSec: (after.orders - before.orders) / elapsed, backlogLines: Math.max(0, after.produced - after.lines), // produced is reported once a second: a small lag reads as none
    p50: pct(latencies, 50), p95: pct(latencies, 95), p99: pct(latencies, 99), samples: latencies.length, notSeen, lines,
    cpu: cpuBefore && cpuAfter ? cpuPerUnit(cpuBefore, cpuAfter, lines) : [],
  };
}

async function queriesPerCart(env: NodeJS.ProcessEnv, db: pg.Client, mode: 'pool' | 'none', rate: number, seconds: number) {
  await db.query(`DELETE FROM "WorkerHeartbeat" WHERE worker = 'commerce-generator'`);
  const gen = await startWorker('commerce-generator', { ...env, COMMERCE_RATE: String(rate), COMMERCE_POOL: mode });
  await sleep(seconds * 1000);
  const r = await db.query<{ details: { carts?: number; poolQueries?: number } }>(
    `SELECT details FROM "WorkerHeartbeat" WHERE worker = 'commerce-generator' ORDER BY "lastBeatAt" DESC LIMIT 1`);
  await stopAll([gen]);
  const d = r.rows[0]?.details ?? {};
  return { carts: d.carts ?? 0, queries: d.poolQueries ?? 0 };
}

async function main() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log(`bench:commerce: generator at ${n(RATE)} carts/s into the sinks; ${RUNS} windows of ${SECONDS} s after a ${WARMUP} s warm-up`);
  const stack = await startStack({ dataDir, pgPort: PG_PORT, kafkaPort: KAFKA_PORT, kafkaControllerPort: KAFKA_PORT + 1, topics: [], log: () => {} });
  const procs: Proc[] = [];
  try {
    const databaseUrl = await freshDatabase(stack.databaseUrl, 'bench_commerce');
    const { migrateDeploy } = await import('../migrate');
    await migrateDeploy(databaseUrl);
    const { ensureTopics } = await import('../stack/kafka');
    const prefix = `bench-${Date.now().toString(36)}.`;
    await ensureTopics(stack.kafkaBrokers, topicSpecsFor(prefix));
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, KAFKA_BROKERS: stack.kafkaBrokers, KAFKA_TOPIC_PREFIX: prefix };

    const { createDb } = await import('../../lib/platform/db');
    const { seedCatalogue } = await import('../../lib/commerce/catalogue/seed-catalogue');
    const prisma = createDb(databaseUrl, 2);
    const seeded = await seedCatalogue(prisma, {});
    await prisma.$disconnect();
    console.log(`catalogue: ${n(seeded.users)} users, ${n(seeded.products)} products in ${(seeded.ms / 1000).toFixed(1)} s`);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const calibration = formatCalibration(await calibrate({ databaseUrl }));
    console.log(calibration);

    const sinks = ['commerce-user-sink', 'commerce-product-sink', 'commerce-order-sink', 'commerce-order-sink', 'commerce-order-sink', 'commerce-projection'];
    procs.push(...(await Promise.all(sinks.map((s) => startWorker(s, env)))));
    const tap = await Tap.start(stack.kafkaBrokers, topicsFor(prefix).commerceOrders);
    procs.push(await startWorker('commerce-generator', { ...env, COMMERCE_RATE: String(RATE) }));
    if (WARMUP > 0) {
      const w = await measure(db, WARMUP, tap);
      console.log(`warm-up (not counted): ${n(w.linesPerSec)} lines/s, backlog ${n(w.backlogLines)} lines, visible p50 ${n(w.p50)} ms, p99 ${n(w.p99)} ms`);
    }
    const windows: Window[] = [];
    for (let i = 0; i < RUNS; i++) {
      const w = await measure(db, SECONDS, tap);
      windows.push(w);
      console.log(`window ${i + 1}: ${n(w.linesPerSec)} order lines/s written (${n(w.cartsPerSec)} carts/s), backlog ${n(w.backlogLines)} lines; ` +
        `produced -> row visible p50 ${n(w.p50)} ms, p95 ${n(w.p95)} ms, p99 ${n(w.p99)} ms (${n(w.samples)} sampled${w.notSeen ? `, ${n(w.notSeen)} NOT SEEN within ${GRACE_MS / 1000} s` : ''})`);
      console.log(`  of which ${w.stages.map((st) => `${st.name} p50 ${n(st.p50)} ms, p99 ${n(st.p99)} ms`).join('; ')}`);
      console.log(`  CPU per order line: ${w.cpu.map(([role, ms]) => `${role} ${(ms * 1000).toFixed(0)} µs`).join(', ')}; ` +
        `total ${(w.cpu.reduce((s, [, ms]) => s + ms, 0) * 1000).toFixed(0)} µs on ${'2'} cores`);
    }
    const m = (f: (w: Window) => number) => median(windows.map(f));
    console.log(`median of ${RUNS}: ${n(m((w) => w.linesPerSec))} order lines/s sustained (goal 5,000), p50 ${n(m((w) => w.p50))} ms, ` +
      `p95 ${n(m((w) => w.p95))} ms, p99 ${n(m((w) => w.p99))} ms (goal < 2,000 ms), backlog at the end ${n(windows.at(-1)!.backlogLines)} lines`);
    await stopAll(procs.splice(0));
    await tap.stop();

    const qRate = 50;
    const withPool = await queriesPerCart(env, db, 'pool', qRate, 12);
    const without = await queriesPerCart(env, db, 'none', qRate, 12);
    const per = (x: { carts: number; queries: number }) => (x.carts ? x.queries / x.carts : NaN);
    console.log(`queries per cart at ${qRate} carts/s: hot pool ${per(withPool).toFixed(4)} (${n(withPool.queries)} queries for ${n(withPool.carts)} carts; ` +
      `2 per 50 s refresh), no pool ${per(without).toFixed(2)} (${n(without.queries)} for ${n(without.carts)}) -> ${(100 * (1 - per(withPool) / per(without))).toFixed(2)}% fewer`);
    console.log(calibration);
    await db.end();
  } finally {
    await stopAll(procs);
    await stack.stop();
  }
}

main().then(() => process.exit(0), (e: unknown) => {
  console.error(`✗ ${e instanceof Error ? e.stack : String(e)}`);
  process.exit(1);
});
