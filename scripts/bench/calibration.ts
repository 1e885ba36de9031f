// A calibration measured in the same run as a benchmark, printed beside its figures, so figures from
// different machines (or from one machine at a busy moment) compare as ratios:
//   - commit cost: single-row INSERT commits per second with 8 concurrent clients on the benchmark's own
//     PostgreSQL (a normal, logged table), and whether that server is durable (SHOW fsync, synchronous_commit);
//   - disk: latency of an 8 KB O_DSYNC write next to PostgreSQL's data directory (what a WAL flush costs);
//   - CPU: a fixed deterministic integer loop, median of 3, as a ratio to a reference core, with the share
//     of a core the loop actually got (less than 100% = other processes were using the cores);
//   - the machine: cores, load average, and how many cores were busy just before (nothing of ours running).
// `tsx scripts/bench/calibration.ts [DATABASE_URL]` prints the line on its own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * cpu loop 1.00 = this many million loop iterations per second of wall time: one uncontended core of the
 * 2-core AMD EPYC development machine (Node 20.20; measured 605-610 there on 2026-12-02).
 */
export const REFERENCE_LOOP_MOPS = 600;
const LOOP_ITERATIONS = 60_000_000;
const CLIENTS = 8;

export interface Calibration {
  /** single-row INSERT commits per second, 8 clients */
  commitsPerSec: number;
  commitP50Ms: number;
  fsync: string;
  synchronousCommit: string;
  serverVersion: string;
  /** median latency of an 8 KB O_DSYNC write beside the data directory, null if it could not be measured */
  dsyncWriteMs: number | null;
  dsyncDir: string | null;
  /** loop speed over wall time, Mops/s (median of 3) */
  loopMops: number;
  /** loopMops / REFERENCE_LOOP_MOPS */
  loopRatio: number;
  /** CPU time the loop got / wall time (1 = a whole core) */
  loopCoreShare: number;
  cores: number;
  loadAvg1: number;
  /** cores busy (all processes) during 1 s before anything was measured */
  coresBusyBefore: number;
  /** share of time stolen by the hypervisor in that second */
  stealBefore: number;
  node: string;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The p-th percentile (nearest rank, 0-100) of xs; NaN for none. */
export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};

/** Fixed work: an FNV-style multiply/xor/shift hash over 0..n-1; deterministic, so every machine does the same. */
export function cpuLoop(n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < n; i++) {
    h ^= i;
    h = Math.imul(h, 0x01000193);
    h ^= h >>> 13;
  }
  return h >>> 0;
}

export interface CpuTimes { busy: number; idle: number; steal: number; total: number }

/** The aggregate "cpu" line of /proc/stat, in ticks. Busy excludes idle, iowait and steal. */
export function parseProcStat(text: string): CpuTimes | null {
  const line = text.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return null;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  const f = [user, nice, system, idle, iowait, irq, softirq, steal].map((x) => x ?? 0);
  const busy = f[0]! + f[1]! + f[2]! + f[5]! + f[6]!;
  return { busy, idle: f[3]! + f[4]!, steal: f[7]!, total: busy + f[3]! + f[4]! + f[7]! };
}

export function readCpuTimes(): CpuTimes | null {
  try { return parseProcStat(fs.readFileSync('/proc/stat', 'utf8')); } catch { return null; }
}

/** Cores busy between two readings (all processes), and the share of time stolen. */
export function coresBusy(a: CpuTimes, b: CpuTimes, cores = os.availableParallelism()): { busy: number; steal: number } {
  const total = b.total - a.total;
  if (total <= 0) return { busy: NaN, steal: NaN };
  return { busy: ((b.busy - a.busy) / total) * cores, steal: (b.steal - a.steal) / total };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function measureCommits(databaseUrl: string, seconds: number) {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  const table = `calibration_commits_${process.pid}`;
  try {
    const show = async (name: string) => String((await admin.query(`SHOW ${name}`)).rows[0]?.[name] ?? '?');
    const settings = { fsync: await show('fsync'), synchronousCommit: await show('synchronous_commit'), serverVersion: await show('server_version') };
    let dataDirectory: string | null = null;
    try { dataDirectory = await show('data_directory'); } catch { /* not a superuser */ }
    await admin.query(`CREATE TABLE "${table}" (id bigserial PRIMARY KEY, client int NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
    const clients = await Promise.all(Array.from({ length: CLIENTS }, async () => {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      return c;
    }));
    const latencies: number[] = [];
    let stop = false;
    let counted = 0;
    let countFrom = 0;
    const warmMs = 300;
    const run = async (c: pg.Client, k: number) => {
      while (!stop) {
        const t = performance.now();
        await c.query(`INSERT INTO "${table}"(client) VALUES ($1)`, [k]); // autocommit: one commit per row
        if (countFrom && t >= countFrom) { counted++; latencies.push(performance.now() - t); }
      }
    };
    const loops = clients.map(run);
    await sleep(warmMs);
    countFrom = performance.now();
    await sleep(seconds * 1000);
    const elapsed = (performance.now() - countFrom) / 1000;
    stop = true;
    await Promise.all(loops);
    await Promise.all(clients.map((c) => c.end()));
    return { ...settings, dataDirectory, commitsPerSec: counted / elapsed, commitP50Ms: median(latencies) };
  } finally {
    await admin.query(`DROP TABLE IF EXISTS "${table}"`).catch(() => {});
    await admin.end();
  }
}

/** Median latency of 8 KB O_DSYNC writes (sequential, like WAL) in dir, for ~0.5 s or 400 writes. */
function measureDsync(dir: string): number | null {
  const file = path.join(dir, `.calibration-dsync-${process.pid}`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC | fs.constants.O_DSYNC, 0o600);
    const buf = Buffer.alloc(8192, 0x5a);
    const times: number[] = [];
    const until = performance.now() + 500;
    for (let i = 0; i < 400 && (i < 20 || performance.now() < until); i++) {
      const t = performance.now();
      fs.writeSync(fd, buf, 0, buf.length, i * buf.length);
      times.push(performance.now() - t);
    }
    return median(times);
  } catch {
    return null;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(file, { force: true });
  }
}

function measureLoop(): { mops: number; coreShare: number } {
  cpuLoop(1_000_000); // compile it first
  const runs: { mops: number; share: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const h = cpuLoop(LOOP_ITERATIONS);
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    if (h === 42) console.log(''); // keep the result alive
    runs.push({ mops: LOOP_ITERATIONS / wall / 1000, share: (cpu.user + cpu.system) / 1000 / wall });
  }
  return { mops: median(runs.map((r) => r.mops)), coreShare: median(runs.map((r) => r.share)) };
}

/**
 * Measure the calibration (about seconds + 2.5 s). Run it while the benchmarked product is up but idle: the machine
 * sample comes first, then the CPU loop, the disk and the commits.
 */
export async function calibrate(opts: { databaseUrl: string; seconds?: number; dsyncDir?: string }): Promise<Calibration> {
  const a = readCpuTimes();
  const loadAvg1 = os.loadavg()[0]!;
  await sleep(1000);
  const b = readCpuTimes();
  const before = a && b ? coresBusy(a, b) : { busy: NaN, steal: NaN };
  const loop = measureLoop();
  const commits = await measureCommits(opts.databaseUrl, opts.seconds ?? 3);
  // the data directory is usually the postgres user's 0700 dir: write beside it (same disk)
  const candidates = [opts.dsyncDir, commits.dataDirectory && path.dirname(commits.dataDirectory), os.tmpdir()].filter((d): d is string => Boolean(d));
  let dsyncWriteMs: number | null = null;
  let dsyncDir: string | null = null;
  for (const d of candidates) {
    if (!fs.existsSync(d)) continue;
    dsyncWriteMs = measureDsync(d);
    if (dsyncWriteMs !== null) { dsyncDir = d; break; }
  }
  return {
    commitsPerSec: commits.commitsPerSec, commitP50Ms: commits.commitP50Ms, fsync: commits.fsync, synchronousCommit: commits.synchronousCommit,
    serverVersion: commits.serverVersion, dsyncWriteMs, dsyncDir, loopMops: loop.mops, loopRatio: loop.mops / REFERENCE_LOOP_MOPS,
    loopCoreShare: loop.coreShare, cores: os.availableParallelism(), loadAvg1, coresBusyBefore: before.busy, stealBefore: before.steal,
    node: process.version,
  };
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');

/** One line, e.g. `calibration: postgres 8 clients single-row INSERT commits 8,650/s (fsync on, synchronous_commit on), …`. */
export function formatCalibration(c: Calibration): string {
  const dsync = c.dsyncWriteMs === null ? '8 KB O_DSYNC write n/a' : `8 KB O_DSYNC write ${c.dsyncWriteMs.toFixed(2)} ms`;
  const busy = Number.isFinite(c.coresBusyBefore) ? `, ${c.coresBusyBefore.toFixed(1)} busy before${c.stealBefore >= 0.005 ? ` (steal ${(c.stealBefore * 100).toFixed(0)}%)` : ''}` : '';
  return `calibration: postgres ${CLIENTS} clients single-row INSERT commits ${int(c.commitsPerSec)}/s`
    + ` (p50 ${c.commitP50Ms.toFixed(2)} ms; fsync ${c.fsync}, synchronous_commit ${c.synchronousCommit}), ${dsync},`
    + ` cpu loop ${c.loopRatio.toFixed(2)} (${int(c.loopMops)} Mops/s, ${Math.round(c.loopCoreShare * 100)}% of a core),`
    + ` ${c.cores} cores${busy}, load avg ${c.loadAvg1.toFixed(2)}, node ${c.node}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const url = process.argv[2] ?? process.env.DATABASE_URL;
  if (!url) { console.error('usage: tsx scripts/bench/calibration.ts DATABASE_URL'); process.exit(2); }
  calibrate({ databaseUrl: url }).then((c) => { console.log(formatCalibration(c)); process.exit(0); },
    (e: unknown) => { console.error(e instanceof Error ? e.message : e); process.exit(1); });
}
