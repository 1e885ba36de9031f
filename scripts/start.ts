// `npm start`: the whole of Switchboard on one machine, no Docker. `npm run stack` (--stack-only): infrastructure only.
// Postgres + Kafka (embedded unless DATABASE_URL / KAFKA_BROKERS are set) -> migrations -> topics -> seed ->
// build the web app if sources changed -> workers + `next start`. Kafka Connect (unless CONNECT_URL is set) starts
// once the product is ready and gets Customer 360's CDC connector; the product does not wait for it.
// Ctrl-C stops everything, in order, within 10 s.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { connectorConfig, connectorNameFor, ensureConnector } from '../lib/identity/cdc/connector';
import { TOPIC_PREFIX, TOPIC_SPECS } from '../lib/platform/events/topics';
import { devConfig, localDatabaseUrl, REPO_ROOT } from './stack/config';
import { checkConnectPrerequisites, CONNECT_JARS, startConnect, type ConnectHandle } from './stack/connect';
import { ensureJars } from './stack/kafka-jars';
import { bundleWorkers, workerBundleDir, workerProcesses, type WorkerProcess } from './stack/worker-processes';
import { PidFile, runSeed, startStack, type Stack } from './stack/index';
import { webBuildState } from './stack/web-build';
import { secs, signalGroup, stopGroup } from './stack/proc';
import { Supervised } from './stack/supervisor';

// The worker processes: the light workers share one (scripts/stack/worker-processes.ts), the busy ones run alone,
// the order sink as three replicas.
const PROCESSES = workerProcesses();
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
let connect: ConnectHandle | undefined;
let stopping: Promise<void> | undefined;

function shutdown(code: number): Promise<void> {
  return (stopping ??= (async () => {
    const t = Date.now();
    const started = Boolean(stack || stackStarting || children.length || build || connect);
    if (started) console.log('stopping…');
    // apps first (they hold DB and Kafka connections), all at once: SIGTERM, then SIGKILL after the grace period
    // Kafka Connect too: it is a Kafka client (its tasks commit their offsets and it leaves its group on SIGTERM)
    const how = await Promise.all([...children.map((c) => c.stop(STOP_GRACE_MS)), build ? stopGroup(build, 'SIGTERM', 3000) : 'clean',
      connect ? connect.stop(STOP_GRACE_MS) : 'clean']);
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

/**
 * Order of work, chosen for a short start on 2 cores: PostgreSQL, Kafka, the worker bundles and the web server
 * (which needs neither until a request comes) start together; the demo data is seeded once the topics exist, then
 * every worker process starts (the generator's hot pool reads the seeded catalogue). Seeding while ten worker
 * processes loaded took 14.6 s instead of 2.3 (starved of CPU), and the generator waited for it: seeding first made
 * `npm start` 2-3 s faster (bench:boot, 2026-12-04: restart 21.5 -> 19.4 s, first start 26.7 -> 23.5 s).
 */
async function main(): Promise<void> {
  // servers and children are unref'd (so a test runner using startStack can exit); this process must stay up
  setInterval(() => {}, 1 << 30);
  // First, so that the leftovers of a runner that was kill -9'd (a next-server on our port, say) are gone before anything starts.
  fs.mkdirSync(cfg.dataDir, { recursive: true });
  const pids = await PidFile.claim(path.join(cfg.dataDir, 'pids.json'), REPO_ROOT, console.log);
  if (!cfg.connectUrl) {
    // a missing JDK / Maven fails the start before anything runs; a first start fetches the jars here (once), beside
    // the broker's, rather than later while the workers start
    checkConnectPrerequisites();
    ensureJars(CONNECT_JARS);
  }
  stackStarting = startStack({ ...cfg, pids, topics: TOPIC_SPECS, seed: stackOnly });
  // Where the stack will be: known before it is up, so the web server can start alongside it.
  const urls = { DATABASE_URL: cfg.databaseUrl ?? localDatabaseUrl(cfg.pgPort), KAFKA_BROKERS: cfg.kafkaBrokers ?? `127.0.0.1:${cfg.kafkaPort}`,
    CONNECT_URL: cfg.connectUrl ?? `http://127.0.0.1:${cfg.connectPort}` };
  const env = { GRADE_FIRST_PASS_SECONDS: '60', INGEST_DIR: path.join(cfg.dataDir, 'ingest'), ...process.env, ...urls };
  // Bundled while PostgreSQL and Kafka come up. Should esbuild fail, the workers still run, through tsx.
  const bundleDir = workerBundleDir(cfg.dataDir);
  const bundling = stackOnly ? undefined : bundleWorkers(PROCESSES, bundleDir, { seed: path.join(REPO_ROOT, 'prisma', 'seed.ts') }).then(
    (ms) => { console.log(`✓ ${'workers'.padEnd(12)} ${PROCESSES.length} processes bundled into ${path.relative(REPO_ROOT, bundleDir)}  (${(ms / 1000).toFixed(1)} s)`); return true; },
    (e: unknown) => { console.log(`! ${'workers'.padEnd(12)} bundling failed, running them through tsx: ${(e as Error).message.split('\n')[0]}`); return false; });
  const web = stackOnly ? undefined : startWeb(env, pids);
  web?.catch(fail); // a taken port or a failed build ends the start at once, not after the stack is up
  // a failed start has already stopped whatever it started: nothing left for shutdown() to do or report
  stack = await stackStarting.catch((e: unknown) => { stackStarting = undefined; throw e; });
  if (stopping) return;
  // A Connect given by CONNECT_URL is already up: register now (a PUT). Our own worker's JVM start (~1.7 s of CPU,
  // then Debezium's snapshot) would take CPU from the workers and the web server starting on 2 cores, so `npm start`
  // starts it once the product is ready; nothing is lost meanwhile (the snapshot and the slot cover it).
  if (cfg.connectUrl || stackOnly) void startCdc(stack, urls.CONNECT_URL);
  if (stackOnly) {
    console.log(`Switchboard stack ready in ${secs(t0)} s — DATABASE_URL=${stack.databaseUrl} KAFKA_BROKERS=${stack.kafkaBrokers} CONNECT_URL=${urls.CONNECT_URL}`);
    return;
  }
  const bundled = await bundling;
  const started = Date.now();
  const startWorkers = (which: WorkerProcess[]) => which.map((p) => {
    const bundle = path.join(bundleDir, `${p.entry}.mjs`);
    const tsxEntry = p.workers.length === 1 ? `workers/${p.workers[0]}.ts` : path.join(bundleDir, 'entries', `${p.entry}.ts`);
    const args = bundled ? ['--enable-source-maps', bundle] : ['--import', 'tsx', tsxEntry];
    // one "[worker] ready" line per worker of the process
    const readyLines = p.workers.map((w) => new RegExp(`^\\[${w}\\] ready\\b`));
    const child = new Supervised({ name: p.name, command: process.execPath, args, cwd: REPO_ROOT, env, logDir, readyLines,
      selfPrefixed: p.workers.length > 1 }, stack!.pids, console.log);
    children.push(child);
    child.start();
    return reported(child, p.name, started, p.workers.length > 1 ? `ready: ${p.workers.join(', ')}` : 'ready');
  });
  await runSeed(stack.databaseUrl, console.log, bundled ? path.join(bundleDir, 'seed.mjs') : undefined);
  if (stopping) return;
  const all = startWorkers(PROCESSES);
  await Promise.all([...all, web]);
  if (stopping) return;
  console.log(`Switchboard ready in ${secs(t0)} s — http://localhost:${port}`);
  if (!cfg.connectUrl) void startCdc(stack, urls.CONNECT_URL);
}

/**
 * Kafka Connect (unless CONNECT_URL names one) and Customer 360's CDC connector for this database. In the background:
 * the product's readiness does not wait for it, and a failure is reported, not fatal (the rest works without CDC).
 * Registered after migrations, since the connector's publication lists the source tables.
 */
async function startCdc(s: Stack, connectUrl: string): Promise<void> {
  const t = Date.now();
  try {
    if (!cfg.connectUrl) {
      connect = startConnect({ dataDir: path.join(cfg.dataDir, 'connect'), port: cfg.connectPort!, brokers: s.kafkaBrokers,
        groupId: 'switchboard-connect', topicPrefix: TOPIC_PREFIX, pids: s.pids, log: console.log });
      if (!(await connect.ready) && !stopping) console.log(`! ${'connect'.padEnd(12)} no answer on ${connectUrl} after 90 s; still trying (log ${path.join(cfg.dataDir, 'connect', 'worker.log')})`);
    }
    if (stopping) return;
    const name = connectorNameFor(s.databaseUrl);
    const result = await ensureConnector(connectUrl, connectorConfig({ databaseUrl: s.databaseUrl, topicPrefix: TOPIC_PREFIX, name }));
    if (!stopping) console.log(`✓ ${'connect'.padEnd(12)} ${connectUrl}${cfg.connectUrl ? ' (CONNECT_URL)' : ''}, CDC connector ${name} ${result}  (${secs(t)} s)`);
  } catch (e) {
    if (!stopping) console.log(`! ${'connect'.padEnd(12)} CDC not running: ${(e as Error).message.split('\n')[0]}`);
  }
}

/**
 * Builds the web app if its sources changed, then starts `next start`; resolves when it answers HTTP. Idle
 * connections are kept 65 s, not Node's 5 s: a client reusing one just as the server closed it gets ECONNRESET
 * (seen once in the e2e tests), and proxies in front keep theirs about 60 s.
 */
async function startWeb(env: NodeJS.ProcessEnv, pids: PidFile): Promise<void> {
  // next start would crash-loop under the supervisor on a taken port; say so once instead
  if (!(await portFree(port))) throw new Error(`port ${port} is in use; set PORT to run the web app elsewhere`);
  await buildIfNeeded(env);
  if (stopping) return;
  const started = Date.now();
  const child = new Supervised({ name: 'web', command: nextBin, args: ['start', '-p', String(port), '--keepAliveTimeout', '65000'], cwd: REPO_ROOT, env, logDir,
    readyTimeoutMs: 60_000, probe: () => httpAnswers(port) }, pids, console.log);
  children.push(child);
  child.start();
  await reported(child, 'web', started, `http://localhost:${port}`);
}

async function reported(child: Supervised, name: string, since: number, what: string): Promise<void> {
  const how = await child.ready;
  console.log(`${how === 'timeout' ? '!' : '✓'} ${name.padEnd(30)} ${how === 'timeout' ? 'not ready after 20 s, still starting' : what}  (${secs(since)} s)`);
}

function fail(e: unknown): void {
  if (stopping) return;
  // one line for a missing prerequisite (StackSetupError), the message otherwise; no stack traces
  console.error(`✗ ${e instanceof Error ? e.message : String(e)}`);
  void shutdown(1);
}

main().catch(fail);
