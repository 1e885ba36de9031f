// `npm run bench:consultations`: customers submit consultations concurrently
// through the real HTTP path (POST /api/consultations with a session cookie),
// at a fixed offered rate, and we measure submit latency and how long until the
// matched salesman's alarm exists (outbox -> relay -> Kafka -> alarm worker -> DB).
//
// By default it starts its own product with `npm start`'s runner on its own
// data dir and ports (.data/bench-consultations, PG 54369, Kafka 19492, web
// 3292). BENCH_URL + DATABASE_URL point it at a running product instead.
// BENCH_RATE (default 200/s), BENCH_SECONDS (20), BENCH_MAX_IN_FLIGHT (200), BENCH_WARMUP_SECONDS
// (20, at half the rate; 0 = none).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import os from 'node:os';
import pg from 'pg';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PROJECTS } from '../../prisma/demo-data';
import { REPO_ROOT } from '../stack/config';
import { cpuByRole, cpuPerUnit } from './cpu';

const RATE = Number(process.env.BENCH_RATE || 200);
const SECONDS = Number(process.env.BENCH_SECONDS || 20);
const MAX_IN_FLIGHT = Number(process.env.BENCH_MAX_IN_FLIGHT || 200);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 20);
const REGIONS = ['서울', '경기', '인천', '부산', '경남', '대구', '경북', '울산'];
const EXTRA_SALESMEN = 24; // the demo has 3; a real desk has more, and matching contends per salesman row

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const fmt = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(0)} ms, p95 ${percentile(s, 95).toFixed(0)} ms, p99 ${percentile(s, 99).toFixed(0)} ms, max ${(s.at(-1) ?? NaN).toFixed(0)} ms`;
};

async function startProduct(): Promise<{ url: string; databaseUrl: string; pid: number; stop: () => Promise<void> }> {
  const dataDir = path.join(REPO_ROOT, '.data', 'bench-consultations');
  const env: NodeJS.ProcessEnv = { ...process.env, SWITCHBOARD_DATA_DIR: dataDir, PG_PORT: '54369', KAFKA_PORT: '19492', KAFKA_CONTROLLER_PORT: '19493', PORT: '3292' };
  delete env.DATABASE_URL;
  delete env.KAFKA_BROKERS;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const tail: string[] = [];
  await new Promise<void>((resolve, reject) => {
    for (const s of [child.stdout!, child.stderr!]) readline.createInterface({ input: s }).on('line', (l) => {
      tail.push(l);
      if (tail.length > 30) tail.shift();
      if (/Switchboard ready in/.test(l)) resolve();
    });
    void exited.then(() => reject(new Error(`npm start exited before ready:\n${tail.join('\n')}`)));
  });
  console.log('product up on http://127.0.0.1:3292 (.data/bench-consultations)');
  return {
    url: 'http://127.0.0.1:3292',
    databaseUrl: 'postgresql://postgres:postgres@127.0.0.1:54369/switchboard',
    pid: child.pid!,
    stop: async () => { child.kill('SIGTERM'); await exited; },
  };
}

/** Bench salesmen across the regions (idempotent by phone), so load spreads like on a real desk. */
async function addSalesmen(db: pg.Client): Promise<void> {
  for (let i = 0; i < EXTRA_SALESMEN; i++) {
    const phone = `010-9000-${String(i).padStart(4, '0')}`;
    const { rows } = await db.query(
      `INSERT INTO "Salesman"(id, name, phone) VALUES ($1, $2, $3) ON CONFLICT (phone) DO UPDATE SET active = true RETURNING id`,
      [randomUUID(), `벤치영업${i}`, phone],
    );
    const regions = [REGIONS[i % REGIONS.length], REGIONS[(i + 3) % REGIONS.length]];
    for (const r of regions) await db.query(`INSERT INTO "SalesmanRegion"("salesmanId", region) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [rows[0].id, r]);
  }
}

async function login(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  if (!res.ok) throw new Error(`login ${email}: HTTP ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

interface LoadResult {
  sent: { id: string; at: number; latency: number }[];
  errors: number;
  dropped: number;
  firstError: string[];
  elapsed: number;
}

/**
 * Open loop: requests leave on schedule whether or not earlier ones returned; latency counts from
 * the scheduled time, so a server that falls behind shows it (no coordinated omission).
 */
async function openLoop(o: { url: string; cookies: string[]; projects: string[]; rate: number; seconds: number; label: string }): Promise<LoadResult> {
  const r: LoadResult = { sent: [], errors: 0, dropped: 0, firstError: [], elapsed: 0 };
  let inFlight = 0;
  const t0 = performance.now();
  const submit = async (i: number, scheduled: number) => {
    inFlight++;
    try {
      const res = await fetch(`${o.url}/api/consultations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: o.cookies[i % o.cookies.length]! },
        body: JSON.stringify({
          projectId: o.projects[i % o.projects.length], contactName: `벤치고객${i}`, phone: '010-1234-5678',
          company: '벤치상사', region: REGIONS[i % REGIONS.length], message: '벤치마크 상담 요청입니다.',
        }),
      });
      const body = (await res.json()) as { id?: string; message?: string };
      if (res.status !== 201 || !body.id) throw new Error(`HTTP ${res.status}: ${body.message}`);
      r.sent.push({ id: body.id, at: Date.now() - (performance.now() - scheduled), latency: performance.now() - scheduled });
    } catch (e) {
      r.errors++;
      if (r.firstError.length < 3) r.firstError.push((e as Error).message);
    } finally {
      inFlight--;
    }
  };
  const total = o.rate * o.seconds;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = t0 + (i * 1000) / o.rate;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((res) => setTimeout(res, wait));
    if (inFlight >= MAX_IN_FLIGHT) { r.dropped++; continue; }
    pending.push(submit(i, scheduled));
    if (i % (o.rate * 5) === 0 && i) console.log(`  … ${o.label}: ${i}/${total} sent, ${inFlight} in flight`);
  }
  await Promise.all(pending);
  r.elapsed = (performance.now() - t0) / 1000;
  return r;
}

async function main() {
  const own = process.env.BENCH_URL ? null : await startProduct();
  const url = process.env.BENCH_URL ?? own!.url;
  const db = new pg.Client({ connectionString: process.env.BENCH_URL ? process.env.DATABASE_URL : own!.databaseUrl });
  await db.connect();
  try {
    await addSalesmen(db);
    const customers = DEMO_ACCOUNTS.filter((a) => a.role === 'customer');
    const cookies = await Promise.all(customers.map((c) => login(url, c.email)));
    const projects = DEMO_PROJECTS.filter((p) => p.status !== 'ended').map((p) => p.id);

    // Warm-up: a freshly started product runs on cold JITs (V8 in the web server and workers, the
    // broker's JVM) and costs several times more CPU per request for its first thousand or so; the
    // warm-up's own figures are printed, so that cost is visible rather than hidden.
    if (WARMUP_SECONDS > 0) {
      const w = await openLoop({ url, cookies, projects, rate: Math.ceil(RATE / 2), seconds: WARMUP_SECONDS, label: 'warm-up' });
      console.log(`warm-up (not measured): ${Math.ceil(RATE / 2)}/s for ${WARMUP_SECONDS} s -> ${w.sent.length} ok, ${w.errors} errors, ${(w.sent.length / w.elapsed).toFixed(1)}/s, submit ${fmt(w.sent.map((x) => x.latency))}`);
      await new Promise((r) => setTimeout(r, 3_000));
    }

    // CPU of each part of the product (own product on Linux only) and of this load generator.
    const cpuBefore = own ? cpuByRole(own.pid) : null;
    const selfBefore = process.cpuUsage();
    const { sent, errors, dropped, firstError, elapsed } = await openLoop({ url, cookies, projects, rate: RATE, seconds: SECONDS, label: 'measured' });

    // Alarm visibility: when the alarm row for each consultation was written, from the submit's scheduled time.
    const ids = sent.map((s) => s.id);
    const deadline = Date.now() + 60_000;
    let alarms: { consultationId: string; at: Date }[] = [];
    while (Date.now() < deadline) {
      ({ rows: alarms } = await db.query(
        `SELECT "consultationId", "createdAt" AS at FROM "Alarm" WHERE "eventType" = 'ConsultationCreated' AND "consultationId" = ANY($1::uuid[])`, [ids]));
      if (alarms.length >= ids.length) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const cpuAfter = own ? cpuByRole(own.pid) : null;
    const self = process.cpuUsage(selfBefore);
    const sentAt = new Map(sent.map((s) => [s.id, s.at]));
    const visibility = alarms.map((a) => a.at.getTime() - sentAt.get(a.consultationId)!);

    console.log(`\nbench:consultations offered ${RATE}/s for ${SECONDS} s (max ${MAX_IN_FLIGHT} in flight)`);
    console.log(`  submitted ${sent.length} ok, ${errors} errors, ${dropped} not sent (too many in flight) in ${elapsed.toFixed(1)} s -> ${(sent.length / elapsed).toFixed(1)} submissions/s`);
    if (firstError.length) console.log(`  first errors: ${firstError.join(' | ')}`);
    console.log(`  submit latency: ${fmt(sent.map((s) => s.latency))}`);
    console.log(`  alarm visibility (submit -> alarm stored): ${fmt(visibility)}; ${alarms.length}/${ids.length} alarms`);
    console.log(`  (the salesman page polls its feed every second, so on screen add up to 1 s)`);
    if (cpuBefore && cpuAfter && sent.length) {
      const parts = cpuPerUnit(cpuBefore, cpuAfter, sent.length);
      const product = parts.reduce((n, [, ms]) => n + ms, 0);
      const generator = (self.user + self.system) / 1000 / sent.length;
      console.log(`  CPU per consultation: ${parts.map(([role, ms]) => `${role} ${ms.toFixed(2)}`).join(', ')} ms`);
      console.log(`    product ${product.toFixed(2)} ms + load generator ${generator.toFixed(2)} ms = ${(product + generator).toFixed(2)} ms on ${os.availableParallelism()} cores (includes idle work while measuring)`);
    }
    return errors === 0 && alarms.length === ids.length ? 0 : 1;
  } finally {
    await db.end();
    await own?.stop();
  }
}

process.exit(await main());
