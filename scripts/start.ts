// `npm start`: the whole of Switchboard on one machine, no Docker. `npm run stack` (--stack-only): infrastructure only.
// Postgres + Kafka (embedded unless DATABASE_URL / KAFKA_BROKERS are set) -> migrations -> topics -> seed ->
// build the web app if sources changed -> workers + `next start`. Ctrl-C stops everything, in order, within 10 s.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { TOPIC_SPECS } from '../lib/platform/events/topics';
import { devConfig, REPO_ROOT } from './stack/config';
import { bundleWorkers, workerBundleDir, workerFiles } from './stack/bundle-workers';
import { startStack, type Stack } from './stack/index';
import { webBuildState } from './stack/web-build';
import { secs, signalGroup, stopGroup } from './stack/proc';
import { Supervised } from './stack/supervisor';

// Every workers/<name>.ts is one supervised process.
const WORKER_FILES = workerFiles();
// Workers that run as several replicas of one consumer group (the group spreads the partitions over them).
const REPLICAS: Record<string, number> = { 'commerce-order-sink': Math.max(1, Number(process.env.ORDER_SINK_REPLICAS ?? 3) || 3) };
/** [instance name, worker file]; replicas are named <worker>-1, -2, … (their logs and pids apart). */
const WORKERS: [string, string][] = WORKER_FILES.flatMap((w) => {
  const n = REPLICAS[w] ?? 1;
  return n === 1 ? [[w, w] as [string, string]] : Array.from({ length: n }, (_, i) => [`${w}-${i + 1}`, w] as [string, string]);
});
// NEXT_DIST_DIR lets two checkouts' builds (say, a dev server and the e2e run) not overwrite each other.
const DIST_DIR = process.env.NEXT_DIST_DIR || '.next';
// Grace before SIGKILL. A worker killed before its kafkajs consumer has left the group stays a member until its
// session times out, and the next start's worker waits that long for partitions; disconnect waits out the in-flight
// fetch, which lib/kafka/run-consumer.ts keeps to 1 s (kafkajs' default is 5 s), so 5 s is ample.
const STOP_GRACE_MS = 5000;

const t0 = Date.now();
const stackOnly = process.argv.includes('--stack-only');
const cfg = devConfig();
const port = Number(process.env.PORT || 3000);
const nextBin = path.join(REPO_ROOT, 'node_modules', '.bin', 'next');
const logDir = path.join(cfg.dataDir, 'logs');

let stack: Stack | undefined;
let stackStarting: Promise<Stack> | undefined;
let build: number | undefined; // pgid of a running `next build`
const children: Supervised[] = [];
let stopping: Promise<void> | undefined;

function shutdown(code: number): Promise<void> {
  return (stopping ??= (async () => {
    const t = Date.now();
    const started = Boolean(stack || stackStarting || children.length || build);
    if (started) console.log('stopping…');
    // apps first (they hold DB and Kafka connections), all at once: SIGTERM, then SIGKILL after the grace period
    const how = await Promise.all([...children.map((c) => c.stop(STOP_GRACE_MS)), build ? stopGroup(build, 'SIGTERM', 3000) : 'clean']);
    // wait for a stack still starting (on failure it cleans up after itself), then stop it
    const s = stack ?? (await stackStarting?.catch(() => undefined));
    await s?.stop().catch((e: Error) => console.error(`stack stop: ${e.message}`));
    const clean = code === 0 && how.every((h) => h === 'clean');
    if (started) console.log(`stopped ${clean ? 'cleanly ' : ''}in ${secs(t)} s`);
    process.exit(code);
  })());
}
// A second Ctrl-C forces: SIGKILL every group now (Postgres recovers from its WAL, Kafka from its logs). One Ctrl-C can
// arrive several times (terminal, npm and tsx all forward it), so only a signal a second after the first counts.
let firstSignal = 0;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    if (!firstSignal) { firstSignal = Date.now(); void shutdown(0); return; }
    if (Date.now() - firstSignal < 1000 || !stack) return;
    console.log('forced: killing everything');
    for (const pgid of Object.values(stack.pids.groups())) signalGroup(pgid, 'SIGKILL');
    process.exit(130);
  });
}
process.on('uncaughtException', (e) => { console.error('✗', e); void shutdown(1); });
process.on('unhandledRejection', (e) => { console.error('✗', e); void shutdown(1); });

function portFree(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer().once('error', () => resolve(false));
    srv.listen(p, () => srv.close(() => resolve(true)));
  });
}

/** Any HTTP answer from GET / counts. No keep-alive: an idle pooled connection would hold up next-server's SIGTERM by seconds. */
function httpAnswers(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port: p, path: '/', agent: false, timeout: 5000 }, (res) => { res.resume(); resolve(true); });
    req.once('error', () => resolve(false)).once('timeout', () => { req.destroy(); resolve(false); });
  });
}

async function buildIfNeeded(env: NodeJS.ProcessEnv): Promise<void> {
  const built = webBuildState(DIST_DIR);
  if (built === 'current') return;
  const t = Date.now();
  console.log(built === 'stale' ? 'building web app (sources changed)…' : 'building web app (first run)…');
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, 'build.log');
  const out = fs.openSync(logFile, 'w');
  const child = spawn(nextBin, ['build'], { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  build = child.pid;
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  build = undefined;
  if (stopping) return;
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-40).join('\n')}`);
  console.log(`✓ ${'build'.padEnd(12)} ${DIST_DIR}  (${secs(t)} s)`);
}

async function main(): Promise<void> {
  // servers and children are unref'd (so a test runner using startStack can exit); this process must stay up
  setInterval(() => {}, 1 << 30);
  stackStarting = startStack({ ...cfg, topics: TOPIC_SPECS, seed: true });
  // Bundled while PostgreSQL and Kafka come up. Should esbuild fail, the workers still run, through tsx.
  const bundleDir = workerBundleDir(cfg.dataDir);
  const bundling = stackOnly ? undefined : bundleWorkers(WORKER_FILES, bundleDir).then(
    (ms) => { console.log(`✓ ${'workers'.padEnd(12)} ${WORKER_FILES.length} bundled into ${path.relative(REPO_ROOT, bundleDir)}  (${(ms / 1000).toFixed(1)} s)`); return true; },
    (e: unknown) => { console.log(`! ${'workers'.padEnd(12)} bundling failed, running them through tsx: ${(e as Error).message.split('\n')[0]}`); return false; });
  // a failed start has already stopped whatever it started: nothing left for shutdown() to do or report
  stack = await stackStarting.catch((e: unknown) => { stackStarting = undefined; throw e; });
  const env = { GRADE_FIRST_PASS_SECONDS: '60', ...process.env, DATABASE_URL: stack.databaseUrl, KAFKA_BROKERS: stack.kafkaBrokers };
  if (stopping) return;
  if (stackOnly) {
    console.log(`Switchboard stack ready in ${secs(t0)} s — DATABASE_URL=${stack.databaseUrl} KAFKA_BROKERS=${stack.kafkaBrokers}`);
    return;
  }
  await buildIfNeeded(env);
  if (stopping) return;
  // next start would crash-loop under the supervisor on a taken port; say so once instead
  if (!(await portFree(port))) throw new Error(`port ${port} is in use; set PORT to run the web app elsewhere`);
  const bundled = await bundling;
  const started = Date.now();
  for (const [name, file] of WORKERS) {
    const args = bundled ? ['--enable-source-maps', path.join(bundleDir, `${file}.mjs`)] : ['--import', 'tsx', `workers/${file}.ts`];
    children.push(new Supervised({ name, command: process.execPath, args,
      cwd: REPO_ROOT, env, logDir, readyLine: /\bready\b/ }, stack.pids, console.log));
  }
  children.push(new Supervised({ name: 'web', command: nextBin, args: ['start', '-p', String(port)], cwd: REPO_ROOT, env, logDir,
    readyTimeoutMs: 60_000, probe: () => httpAnswers(port) },
  stack.pids, console.log));
  for (const c of children) c.start();
  await Promise.all(children.map(async (c, i) => {
    const how = await c.ready;
    const name = i < WORKERS.length ? WORKERS[i]![0] : 'web';
    const what = name === 'web' ? `http://localhost:${port}` : how === 'timeout' ? 'no "ready" line after 20 s, still starting' : 'ready';
    console.log(`${how === 'timeout' ? '!' : '✓'} ${name.padEnd(30)} ${what}  (${secs(started)} s)`);
  }));
  if (!stopping) console.log(`Switchboard ready in ${secs(t0)} s — http://localhost:${port}`);
}

main().catch((e: unknown) => {
  if (stopping) return;
  // one line for a missing prerequisite (StackSetupError), the message otherwise; no stack traces
  console.error(`✗ ${e instanceof Error ? e.message : String(e)}`);
  void shutdown(1);
});
