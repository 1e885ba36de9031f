// `npm run bench:settlement`: the settlement worker at increasing payment rates on this machine. Starts its own
// PostgreSQL and Kafka (.data/bench-settlement, PG 54409, Kafka 19802/19803; BENCH_PG_PORT / BENCH_KAFKA_PORT move
// them), 60 merchants with payout rules (published on payout-rules like the desk does), one settlement-worker
// process, and a load generator in this process producing the realistic mix of lib/settlement/simulate/stream.ts
// (1 % duplicates, 0.5 % tests, 0.3 % network cancellations, 0.2 % unconfirmed, 3 % cancellations, FINISH markers
// every second to every partition) with paymentDate = the wall clock. Per step (BENCH_RATES payments/s,
// BENCH_SECONDS each) it prints offered and processed rates and the backlog, the highest sustained rate
// (processed >= 95 % of offered and under a second of backlog), and latency payment -> its base and statistics
// committed (the base's createdAt is clock_timestamp() inside the one statement that also updates the statistics;
// the commit follows it by the rest of that statement), p50/p95/p99 of each run's approvals, medians over runs,
// with a calibration line measured in the same run.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CompressionTypes, Kafka, logLevel, type Producer } from 'kafkajs';
import pg from 'pg';
import { createEnvelope } from '../../lib/platform/events/envelope';
import { PayoutRuleSaved, ruleKey } from '../../lib/platform/events/settlement';
import { topicsFor, topicSpecsFor } from '../../lib/platform/events/topics';
import { paymentStream } from '../../lib/settlement/simulate/stream';
import { REPO_ROOT } from '../stack/config';
import { freshDatabase } from '../stack/fresh-database';
import { startStack } from '../stack/index';
import { calibrate, formatCalibration, median } from './calibration';
import { cpuByRole, cpuPerUnit } from './cpu';

const RATES = (process.env.BENCH_RATES ?? '5000,10000,15000,20000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS || 15);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const PG_PORT = Number(process.env.BENCH_PG_PORT || 54409);
const KAFKA_PORT = Number(process.env.BENCH_KAFKA_PORT || 19802);
const MERCHANTS = Array.from({ length: 60 }, (_, i) => `merchant-${String(i + 1).padStart(4, '0')}`);
const dataDir = path.join(REPO_ROOT, '.data', 'bench-settlement');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const n = (x: number) => Math.round(x).toLocaleString('en-US');

class Load {
  produced = 0;
  private seed = 1;
  private lastFinish = Date.now();
  constructor(private producer: Producer, private topic: string, private partitions: number) {}
  async send(count: number): Promise<void> {
    const now = Date.now();
    const items = paymentStream({ count, merchants: MERCHANTS, startMs: now, stepMs: 0, seed: this.seed++, testMerchant: 'merchant-9001', disabledMerchant: 'merchant-9002' });
    const messages = items.flatMap((it) => (it.kind === 'payment' ? [{ key: it.message.data!.merchantNumber, value: JSON.stringify(it.message) }] : []));
    if (now - this.lastFinish >= 1_000) {
      this.lastFinish = now;
      for (let partition = 0; partition < this.partitions; partition++) messages.push({ partition, value: JSON.stringify({ channel: 'ONLINE', action: 'FINISH', data: null }) } as never);
    }
    await this.producer.send({ topic: this.topic, acks: 1, compression: CompressionTypes.None, messages });
    this.produced += messages.length;
  }
}

async function processed(db: pg.Client): Promise<number> {
  const r = await db.query<{ n: string | null }>(`SELECT sum("nextOffset") AS n FROM "SettlementCursor"`);
  return Number(r.rows[0]?.n ?? 0);
}

interface Step { rate: number; offered: number; done: number; backlog: number; sustained: boolean; latency: number[]; cpu: [string, number][] }

async function step(load: Load, db: pg.Client, rate: number, seconds: number, counted = true): Promise<Step> {
  const base = await processed(db);
  const producedBase = load.produced;
  const cpu0 = cpuByRole(process.pid);
  const self0 = process.cpuUsage();
  const t0 = Date.now();
  const tickMs = 20;
  const inFlight = new Set<Promise<void>>();
  let due = 0;
  for (let next = Date.now(); Date.now() < t0 + seconds * 1000; next += tickMs) {
    due += (rate * tickMs) / 1000;
    const count = Math.floor(due);
    due -= count;
    if (count) {
      const p = load.send(count).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= 8) await Promise.race(inFlight);
    }
    const wait = next + tickMs - Date.now();
    if (wait > 0) await sleep(wait);
  }
  await Promise.all(inFlight);
  const elapsed = (Date.now() - t0) / 1000;
  const after = await processed(db);
  const done = (after - base) / elapsed;
  const cpu1 = cpuByRole(process.pid);
  const self1 = process.cpuUsage(self0);
  const offered = (load.produced - producedBase) / elapsed;
  const backlog = load.produced - producedBase - (after - base);
  if (!counted) return { rate, offered, done, backlog, sustained: true, latency: [], cpu: [] };
  // let the window's last payments land, then read their latency
  for (let i = 0; i < 20 && (await processed(db)) - base < load.produced - producedBase; i++) await sleep(250);
  const q = await db.query<{ p: number[] }>(`SELECT percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP
    (ORDER BY extract(epoch FROM "createdAt" - "paymentDate") * 1000) AS p FROM "SettlementBase"
    WHERE action = 'PAYMENT' AND status = 'APPROVED' AND "paymentDate" >= $1 AND "paymentDate" < $2`, [new Date(t0), new Date(t0 + seconds * 1000)]);
  const kilo = (load.produced - producedBase) / 1000;
  return { rate, offered, done, backlog, sustained: done >= 0.95 * offered && backlog < offered, latency: q.rows[0]?.p ?? [],
    cpu: [...(cpu0 && cpu1 ? cpuPerUnit(cpu0, cpu1, kilo) : []), ['load generator', (self1.user + self1.system) / 1000 / kilo] as [string, number]] };
}

function startWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : []), ...(process.env.BENCH_WORKER_FLAGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', 'workers/settlement-worker.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = fs.createWriteStream(path.join(dataDir, 'settlement-worker.log'));
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => { out += d; if (out.includes('ready')) resolve(child); });
    child.once('exit', (code) => reject(new Error(`the settlement worker exited (${code}) before ready:\n${out}`)));
  });
}

async function setUp(db: pg.Client, producer: Producer, topic: string) {
  const all = [...MERCHANTS.map((m, i) => [m, `벤치 가맹점 ${i + 1}`, true, false]), ['merchant-9001', '테스트 가맹점', true, true], ['merchant-9002', '상품권 키오스크', false, false]];
  for (const [number, name, enabled, test] of all) {
    await db.query(`INSERT INTO "Merchant" (number, name, "settlementEnabled", test, "updatedAt") VALUES ($1, $2, $3, $4, now())`, [number, name, enabled, test]);
  }
  const rules = MERCHANTS.slice(0, 57).flatMap((merchantNumber) => ([['CARD', 250, 2], ['PAY', 200, 1], ['MONEY', 150, 1]] as const).flatMap(([method, feeRateBp, payoutDays]) =>
    (['PAYMENT', 'CANCEL', 'PARTIAL_CANCEL', 'FULL_CANCEL'] as const).map((action) => ({ id: randomUUID(), merchantNumber, method, action, effectiveFrom: '2020-01-01', feeRateBp, payoutDays }))));
  await producer.send({ topic, acks: -1, messages: rules.map((r) => ({ key: ruleKey(r), value: JSON.stringify(createEnvelope(PayoutRuleSaved, r, { correlationId: randomUUID() })) })) });
}

const lat = (p: number[]) => `p50 ${n(p[0] ?? NaN)} ms, p95 ${n(p[1] ?? NaN)} ms, p99 ${n(p[2] ?? NaN)} ms`;

async function main() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  console.log(`bench:settlement: rates ${RATES.map(n).join(', ')} payments/s, ${SECONDS} s each, ${RUNS} runs, ${MERCHANTS.length} merchants`);
  const stack = await startStack({ dataDir, pgPort: PG_PORT, kafkaPort: KAFKA_PORT, kafkaControllerPort: KAFKA_PORT + 1, topics: [], log: () => {} });
  const children: ChildProcess[] = [];
  try {
    const calibration = formatCalibration(await calibrate({ databaseUrl: stack.databaseUrl }));
    console.log(calibration);
    const runs: Step[][] = [];
    for (let run = 1; run <= RUNS; run++) {
      const databaseUrl = await freshDatabase(stack.databaseUrl, 'bench_settlement');
      const { migrateDeploy } = await import('../migrate');
      await migrateDeploy(databaseUrl);
      const prefix = `bench-${Date.now().toString(36)}.`;
      const { ensureTopics } = await import('../stack/kafka');
      await ensureTopics(stack.kafkaBrokers, topicSpecsFor(prefix));
      const topics = topicsFor(prefix);
      const kafka = new Kafka({ clientId: 'bench-settlement', brokers: [stack.kafkaBrokers], logLevel: logLevel.NOTHING });
      const producer = kafka.producer({ allowAutoTopicCreation: false });
      await producer.connect();
      const db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
      await setUp(db, producer, topics.payoutRules);
      const env = { ...process.env, DATABASE_URL: databaseUrl, KAFKA_BROKERS: stack.kafkaBrokers, KAFKA_TOPIC_PREFIX: prefix };
      const worker = await startWorker(env);
      children.push(worker);
      const load = new Load(producer, topics.payment, topicSpecsFor(prefix).find((t) => t.topic === topics.payment)!.numPartitions);
      await step(load, db, 2_000, 5, false); // warm-up, not counted
      const steps: Step[] = [];
      for (const rate of RATES) {
        for (let i = 0; i < 40 && (await processed(db)) < load.produced; i++) await sleep(250); // drain before the step
        const s = await step(load, db, rate, SECONDS);
        steps.push(s);
        console.log(`run ${run}, ${n(rate)}/s: offered ${n(s.offered)}/s, processed ${n(s.done)}/s, backlog ${n(s.backlog)} -> ${s.sustained ? 'sustained' : 'NOT sustained'}; payment -> statistics ${lat(s.latency)}`);
        if (s.cpu.length) console.log(`  CPU per 1,000 messages: ${s.cpu.map(([role, ms]) => `${role} ${n(ms)} ms`).join(', ')}`);
        if (!s.sustained) break;
      }
      runs.push(steps);
      // the bases must add up to the statistics after all that
      const rec = await db.query<{ diff: string }>(`SELECT count(*) AS diff FROM (
        SELECT "approvalDay", "merchantNumber", action, method, count(*)::int AS c, sum(amount) AS a, sum(fee) AS f FROM "SettlementBase" WHERE classification = 'settled' GROUP BY 1, 2, 3, 4) b
        FULL JOIN "SettlementStatistic" s USING ("approvalDay", "merchantNumber", action, method)
        WHERE COALESCE(b.c, 0) <> COALESCE(s.count, 0) OR COALESCE(b.a, 0) <> COALESCE(s.amount, 0) OR COALESCE(b.f, 0) <> COALESCE(s.fee, 0)`);
      const bases = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "SettlementBase"`);
      console.log(`  run ${run}: ${n(Number(bases.rows[0]!.n))} bases; statistics rows differing from the bases: ${rec.rows[0]!.diff}`);
      await producer.disconnect();
      await db.end();
      worker.kill('SIGTERM');
      await new Promise((r) => worker.once('exit', r));
    }
    const best = runs.map((steps) => Math.max(0, ...steps.filter((s) => s.sustained).map((s) => s.rate)));
    const medianAt = (rate: number, i: number) => median(runs.map((steps) => steps.find((s) => s.rate === rate)?.latency[i]).filter((x): x is number => x !== undefined));
    const max = median(best);
    console.log(`highest sustained rate per run: ${best.map(n).join(', ')} payments/s; median ${n(max)} payments/s (goal 10,000)`);
    for (const rate of [...new Set([10_000, max])].filter((r) => r && RATES.includes(r))) {
      console.log(`at ${n(rate)} payments/s (median of runs): payment -> statistics p50 ${n(medianAt(rate, 0))} / p95 ${n(medianAt(rate, 1))} / p99 ${n(medianAt(rate, 2))} ms (goal p99 < 1,000 ms)`);
    }
    console.log(calibration);
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await stack.stop();
  }
}

main().then(() => process.exit(0), (e: unknown) => {
  console.error(`✗ ${e instanceof Error ? e.stack : String(e)}`);
  process.exit(1);
});
