// `npm run bench:consultations`: customers submit consultations concurrently
// through the real HTTP path (POST /api/consultations with a session cookie),
// at a fixed offered rate, and we measure submit latency and how long until the
// matched salesman's alarm exists (outbox -> relay -> Kafka -> alarm worker -> DB).
//
// By default it starts its own product with `npm start`'s runner on its own
// data dir and ports (.data/bench-consultations, PG 54369, Kafka 19492/19493, web 3292).
// The web build is the checkout's .next (NEXT_DIST_DIR moves it; note that `next build` then adds
// that folder to tsconfig.json's include): in a working tree shared with a running dev server or
// e2e run, run the benchmark from a clone of its own, since a rebuild would replace what they serve.
// BENCH_PG_PORT, BENCH_KAFKA_PORT (controller = +1), BENCH_WEB_PORT move it; BENCH_URL +
// DATABASE_URL point it at a running product instead.
// BENCH_RATE (default 200/s), BENCH_SECONDS (20 per measured run), `--runs N` or BENCH_RUNS
// (3 measured runs; the summary quotes their medians), BENCH_MAX_IN_FLIGHT (200),
// BENCH_WARMUP_SECONDS (20, at half the rate; 0 = none).
// A calibration line (scripts/bench/calibration.ts) is measured before the warm-up and after the
// last run, and every run says how many cores other processes on the machine were using.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import net from 'node:net';
import os from 'node:os';
import pg from 'pg';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PROJECTS } from '../../prisma/demo-data';
import { REPO_ROOT } from '../stack/config';
import { calibrate, coresBusy, formatCalibration, median, readCpuTimes } from './calibration';
import { cpuByRole, cpuPerUnit } from './cpu';

const argValue = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : undefined; };

const RATE = Number(process.env.BENCH_RATE || 200);
const SECONDS = Number(process.env.BENCH_SECONDS || 20);
const MAX_IN_FLIGHT = Number(process.env.BENCH_MAX_IN_FLIGHT || 200);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 20);
const IDLE_SECONDS = 5;
const RUNS = Math.max(1, Number(argValue('runs') ?? process.env.BENCH_RUNS ?? 3));
const PG_PORT = Number(process.env.BENCH_PG_PORT || 54369);
const KAFKA_PORT = Number(process.env.BENCH_KAFKA_PORT || 19492);
const WEB_PORT = Number(process.env.BENCH_WEB_PORT || 3292);
const DIST_DIR = process.env.NEXT_DIST_DIR || '.next';
const REGIONS = ['서울', '경기', '인천', '부산', '경남', '대구', '경북', '울산'];
const EXTRA_SALESMEN = 24; // the demo has 3; a real desk has more, and matching contends per salesman row

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const fmt = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${percentile(s, 50).toFixed(0)} ms, p95 ${percentile(s, 95).toFixed(0)} ms, p99 ${percentile(s, 99).toFixed(0)} ms, max ${(s.at(-1) ?? NaN).toFixed(0)} ms`;
};

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer().once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function startProduct(): Promise<{ url: string; databaseUrl: string; pid: number; stop: () => Promise<void> }> {
  const dataDir = path.join(REPO_ROOT, '.data', 'bench-consultations');
  const ports = { BENCH_PG_PORT: PG_PORT, BENCH_KAFKA_PORT: KAFKA_PORT, 'BENCH_KAFKA_PORT + 1': KAFKA_PORT + 1, BENCH_WEB_PORT: WEB_PORT };
  for (const [name, port] of Object.entries(ports)) {
    if (!(await portFree(port))) throw new Error(`port ${port} is in use (another stack?): set ${name.split(' ')[0]} to free ports`);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, SWITCHBOARD_DATA_DIR: dataDir, PG_PORT: String(PG_PORT), KAFKA_PORT: String(KAFKA_PORT),
    KAFKA_CONTROLLER_PORT: String(KAFKA_PORT + 1), PORT: String(WEB_PORT) };
  delete env.DATABASE_URL;
  delete env.KAFKA_BROKERS;
  const t0 = Date.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const tail: string[] = [];
  await new Promise<void>((resolve, reject) => {
    for (const s of [child.stdout!, child.stderr!]) readline.createInterface({ input: s }).on('line', (l) => {
      tail.push(l);
      if (tail.length > 30) tail.shift();
      if (/building web app|✓ build/.test(l)) console.log(`  | ${l}`);
      if (/Switchboard ready in/.test(l)) resolve();
    });
    void exited.then(() => reject(new Error(`npm start exited before ready:\n${tail.join('\n')}`)));
  });
  console.log(`product up on http://127.0.0.1:${WEB_PORT} in ${((Date.now() - t0) / 1000).toFixed(1)} s (.data/bench-consultations, web build ${DIST_DIR})`);
  return {
    url: `http://127.0.0.1:${WEB_PORT}`,
    databaseUrl: `postgresql://postgres:postgres@127.0.0.1:${PG_PORT}/switchboard`,
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

interface RunResult { rate: number; alarmP95: number; cpuMs: number | null; othersCores: number | null; ok: boolean }

/** One measured window: offered RATE for SECONDS, then wait for every alarm; prints its figures. */
async function measuredRun(o: { n: number; url: string; db: pg.Client; ownPid: number | null; cookies: string[]; projects: string[] }): Promise<RunResult> {
  // CPU of each part of the product (own product on Linux only), of this load generator, and of the whole machine.
  const cpuBefore = o.ownPid ? cpuByRole(o.ownPid) : null;
  const selfBefore = process.cpuUsage();
  const machineBefore = readCpuTimes();
  const w0 = performance.now();
  const { sent, errors, dropped, firstError, elapsed } = await openLoop({ url: o.url, cookies: o.cookies, projects: o.projects, rate: RATE, seconds: SECONDS, label: `run ${o.n}` });

  // Alarm visibility: when the alarm row for each consultation was written, from the submit's scheduled time.
  const ids = sent.map((s) => s.id);
  const deadline = Date.now() + 60_000;
  let alarms: { consultationId: string; at: Date }[] = [];
  while (Date.now() < deadline) {
    ({ rows: alarms } = await o.db.query(
      `SELECT "consultationId", "createdAt" AS at FROM "Alarm" WHERE "eventType" = 'ConsultationCreated' AND "consultationId" = ANY($1::uuid[])`, [ids]));
    if (alarms.length >= ids.length) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const cpuAfter = o.ownPid ? cpuByRole(o.ownPid) : null;
  const self = process.cpuUsage(selfBefore);
  const machineAfter = readCpuTimes();
  const window = performance.now() - w0;
  const sentAt = new Map(sent.map((s) => [s.id, s.at]));
  const visibility = alarms.map((a) => a.at.getTime() - sentAt.get(a.consultationId)!);
  const rate = sent.length / elapsed;
  const visSorted = [...visibility].sort((a, b) => a - b);

  console.log(`\nbench:consultations run ${o.n}/${RUNS}: offered ${RATE}/s for ${SECONDS} s (max ${MAX_IN_FLIGHT} in flight)`);
  console.log(`  submitted ${sent.length} ok, ${errors} errors, ${dropped} not sent (too many in flight) in ${elapsed.toFixed(1)} s -> ${rate.toFixed(1)} submissions/s`);
  if (firstError.length) console.log(`  first errors: ${firstError.join(' | ')}`);
  console.log(`  submit latency: ${fmt(sent.map((s) => s.latency))}`);
  console.log(`  alarm visibility (submit -> alarm stored): ${fmt(visibility)}; ${alarms.length}/${ids.length} alarms`);
  let cpuMs: number | null = null;
  let othersCores: number | null = null;
  if (cpuBefore && cpuAfter && sent.length) {
    const parts = cpuPerUnit(cpuBefore, cpuAfter, sent.length);
    const product = parts.reduce((n, [, ms]) => n + ms, 0);
    const generator = (self.user + self.system) / 1000 / sent.length;
    cpuMs = product;
    console.log(`  CPU per consultation: ${parts.map(([role, ms]) => `${role} ${ms.toFixed(2)}`).join(', ')} ms`);
    console.log(`    product ${product.toFixed(2)} ms + load generator ${generator.toFixed(2)} ms = ${(product + generator).toFixed(2)} ms on ${os.availableParallelism()} cores (includes idle work while measuring)`);
    if (machineBefore && machineAfter) {
      // everything the kernel counted as busy on all cores, minus ours = other people's processes
      const busyCores = coresBusy(machineBefore, machineAfter).busy;
      const ours = ((product + generator) * sent.length) / window;
      othersCores = busyCores - ours;
      console.log(`  cores busy over the ${(window / 1000).toFixed(1)} s window: ${busyCores.toFixed(2)} of ${os.availableParallelism()}`
        + ` = product + load generator ${ours.toFixed(2)} + other processes ${othersCores.toFixed(2)}`);
    }
  }
  return { rate, alarmP95: visSorted[Math.min(visSorted.length - 1, Math.floor(0.95 * visSorted.length))] ?? NaN, cpuMs, othersCores,
    ok: errors === 0 && alarms.length === ids.length };
}

async function main() {
  const own = process.env.BENCH_URL ? null : await startProduct();
  const url = process.env.BENCH_URL ?? own!.url;
  const databaseUrl = process.env.BENCH_URL ? process.env.DATABASE_URL! : own!.databaseUrl;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await addSalesmen(db);
    const customers = DEMO_ACCOUNTS.filter((a) => a.role === 'customer');
    const cookies = await Promise.all(customers.map((c) => login(url, c.email)));
    const projects = DEMO_PROJECTS.filter((p) => p.status !== 'ended').map((p) => p.id);

    // The machine as it is in this run (product up and idle): figures from elsewhere compare as ratios to this.
    const calBefore = formatCalibration(await calibrate({ databaseUrl }));
    console.log(calBefore);

    // Warm-up: a freshly started product runs on cold JITs (V8 in the web server and workers, the
    // broker's JVM) and costs several times more CPU per request for its first thousand or so; the
    // warm-up's own figures are printed, so that cost is visible rather than hidden.
    if (WARMUP_SECONDS > 0) {
      const w = await openLoop({ url, cookies, projects, rate: Math.ceil(RATE / 2), seconds: WARMUP_SECONDS, label: 'warm-up' });
      console.log(`warm-up (not measured): ${Math.ceil(RATE / 2)}/s for ${WARMUP_SECONDS} s -> ${w.sent.length} ok, ${w.errors} errors, ${(w.sent.length / w.elapsed).toFixed(1)}/s, submit ${fmt(w.sent.map((x) => x.latency))}`);
      await new Promise((r) => setTimeout(r, 3_000));
    }

    const runs: RunResult[] = [];
    for (let n = 1; n <= RUNS; n++) {
      runs.push(await measuredRun({ n, url, db, ownPid: own?.pid ?? null, cookies, projects }));
      if (n < RUNS) await new Promise((r) => setTimeout(r, 3_000));
    }
    // What the product burns with no requests at all (consumers' polls, heartbeats, timers): a fixed cost per
    // second that a lower throughput spreads over fewer consultations.
    let idle: { cores: number; parts: [string, number][] } | null = null;
    if (own) {
      await new Promise((r) => setTimeout(r, 3_000));
      const a = cpuByRole(own.pid);
      await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
      const b = cpuByRole(own.pid);
      if (a && b) {
        const parts = cpuPerUnit(a, b, IDLE_SECONDS * 1000); // ms per ms = cores
        idle = { cores: parts.reduce((n, [, c]) => n + c, 0), parts };
        console.log(`\nproduct idle (no requests, ${IDLE_SECONDS} s after the last run): ${idle.cores.toFixed(2)} cores:`
          + ` ${parts.slice(0, 8).map(([role, c]) => `${role} ${c.toFixed(3)}`).join(', ')}`);
      }
    }
    const calAfter = formatCalibration(await calibrate({ databaseUrl }));

    const list = (xs: number[], f: (x: number) => string) => xs.map(f).join(', ');
    const cpu = runs.map((r) => r.cpuMs).filter((x): x is number => x !== null);
    const others = runs.map((r) => r.othersCores).filter((x): x is number => x !== null);
    console.log(`\nbench:consultations median of ${RUNS} runs (offered ${RATE}/s for ${SECONDS} s each, after ${WARMUP_SECONDS} s of warm-up):`
      + ` ${median(runs.map((r) => r.rate)).toFixed(1)} submissions/s, alarm p95 ${median(runs.map((r) => r.alarmP95)).toFixed(0)} ms`
      + (cpu.length ? `, product CPU ${median(cpu).toFixed(2)} ms per consultation` : '')
      + (others.length ? `, other processes ${median(others).toFixed(2)} cores` : ''));
    console.log(`  runs: ${list(runs.map((r) => r.rate), (x) => `${x.toFixed(1)}/s`)}; alarm p95 ${list(runs.map((r) => r.alarmP95), (x) => `${x.toFixed(0)} ms`)}`
      + (cpu.length ? `; CPU ${list(cpu, (x) => `${x.toFixed(2)} ms`)}` : ''));
    if (idle && cpu.length) {
      const idleMs = (idle.cores * 1000) / median(runs.map((r) => r.rate));
      console.log(`  of the product CPU per consultation, about ${idleMs.toFixed(2)} ms is idle work at this throughput (${idle.cores.toFixed(2)} cores with no requests),`
        + ` ${(median(cpu) - idleMs).toFixed(2)} ms the requests themselves`);
    }
    console.log(`  before: ${calBefore}`);
    console.log(`  after:  ${calAfter}`);
    console.log(`  (the salesman page polls its feed every second, so on screen add up to 1 s)`);
    return runs.every((r) => r.ok) ? 0 : 1;
  } finally {
    await db.end();
    await own?.stop();
  }
}

process.exit(await main());
