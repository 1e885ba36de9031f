// `npm run bench:boot`: how long `npm start` takes to be ready and to stop, and whether it leaves anything behind.
// Runs N rounds (BOOT_RUNS, default 3) of the real runner, each a first start on an empty data dir and a restart on its data, on its own data dir and ports (.data/bench, PG 54379,
// Kafka 19592/19593, web 3294; env overrides, checked free first) so it does not collide with a dev stack, the
// shared stack (54359/19392/19393, which were this script's defaults) or an e2e run that is already up.
// The target is for a built tree, so a missing or stale .next build is made first and not counted (it replaces the
// build a dev server or e2e run of the same working tree serves: run it from a clone of its own there). A calibration line
// (scripts/bench/calibration.ts) is measured while the last run's stack is up, before it is stopped.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { REPO_ROOT } from '../stack/config';
import { webBuildState } from '../stack/web-build';
import { cmdline, cwd, sleep } from '../stack/proc';
import { calibrate, formatCalibration, median } from './calibration';

const runs = Number(process.env.BOOT_RUNS || 3);
const dataDir = path.resolve(process.env.SWITCHBOARD_DATA_DIR ?? path.join(REPO_ROOT, '.data', 'bench'));
const env: NodeJS.ProcessEnv = { ...process.env, SWITCHBOARD_DATA_DIR: dataDir, PG_PORT: process.env.PG_PORT ?? '54379',
  KAFKA_PORT: process.env.KAFKA_PORT ?? '19592', KAFKA_CONTROLLER_PORT: process.env.KAFKA_CONTROLLER_PORT ?? '19593', PORT: process.env.PORT ?? '3294' };
delete env.DATABASE_URL;
delete env.KAFKA_BROKERS;

/**
 * Processes of the benchmarked stack: everything started with this SWITCHBOARD_DATA_DIR in its environment (runner,
 * workers, next-server, Kafka and Postgres all inherit it), plus Kafka/Postgres found by data dir. Matching by
 * environment, not by command line, keeps other people's workers and test runners in this repo out of the count.
 */
function stackProcesses(): Map<number, string> {
  const found = new Map<number, string>();
  const marker = `\0SWITCHBOARD_DATA_DIR=${dataDir}\0`;
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (pid === process.pid) continue;
    let environ = '';
    try { environ = `\0${fs.readFileSync(`/proc/${pid}/environ`, 'utf8')}`; } catch { continue; }
    const cmd = cmdline(pid);
    const mine = environ.includes(marker) || (cmd.includes('kafka.Kafka') && cmd.includes(dataDir))
      || (/\bpostgres\b/.test(cmd) && cwd(pid).startsWith(path.join(dataDir, 'pg'))); // postgres backends chdir to PGDATA
    if (mine) found.set(pid, cmd.trim().slice(0, 100));
  }
  return found;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer().once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

interface Run { ready: number; stop: number; leftovers: string[]; calibration?: string }

async function bootOnce(i: number, before: Set<number>, calibrateNow: boolean): Promise<Run> {
  for (const name of ['PG_PORT', 'KAFKA_PORT', 'KAFKA_CONTROLLER_PORT', 'PORT']) {
    if (!(await portFree(Number(env[name])))) throw new Error(`port ${env[name]} is in use (another stack?): set ${name} to a free port`);
  }
  const t0 = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const ready = await new Promise<number | null>((resolve) => {
    for (const s of [child.stdout, child.stderr]) readline.createInterface({ input: s }).on('line', (l) => {
      output.push(l);
      if (/Switchboard ready in/.test(l)) resolve(Date.now() - t0);
    });
    void exited.then(() => resolve(null));
    setTimeout(() => resolve(null), 180_000).unref();
  });
  if (ready === null) {
    child.kill('SIGTERM');
    await exited;
    throw new Error(`boot run ${i} never printed "Switchboard ready" (${((Date.now() - t0) / 1000).toFixed(1)} s):\n${output.slice(-20).join('\n')}`);
  }
  // the stack is up and idle: measure the machine as it is in this run (not part of the ready or stop figures)
  const calibration = calibrateNow
    ? formatCalibration(await calibrate({ databaseUrl: `postgresql://postgres:postgres@127.0.0.1:${env.PG_PORT}/switchboard` }))
    : undefined;
  const t1 = Date.now();
  child.kill('SIGTERM'); // the runner's pid only, as a service manager would; it must take its groups down itself
  const code = await exited;
  const stop = Date.now() - t1;
  if (code !== 0) console.log(`boot run ${i}: runner exited with code ${code}\n${output.slice(-10).join('\n')}`);
  else if (process.env.BENCH_VERBOSE) console.log(output.map((l) => `  | ${l}`).join('\n'));
  await sleep(200); // let init reap what just exited
  const leftovers = [...stackProcesses()].filter(([pid]) => !before.has(pid)).map(([pid, cmd]) => `${pid} ${cmd}`);
  return { ready, stop, leftovers, calibration };
}

const s1 = (ms: number) => (ms / 1000).toFixed(1);

async function main(): Promise<number> {
  const before = new Set(stackProcesses().keys());
  if (before.size) console.log(`note: ${before.size} matching processes were already running; they are not counted as leftovers`);
  // Each round: a first start on an empty data dir (initdb, topics, the 10,000 users and 20,000 products of the
  // catalogue seeded), as on a fresh machine, then a restart on the data it left. The Kafka jars (.cache/) are kept:
  // fetching them is the one-time download of an install, not part of a start.
  const dist = process.env.NEXT_DIST_DIR || '.next';
  if (webBuildState(dist) !== 'current') {
    const t = Date.now();
    const code = await new Promise<number | null>((resolve) => spawn(path.join(REPO_ROOT, 'node_modules', '.bin', 'next'), ['build'], { cwd: REPO_ROOT, env, stdio: 'ignore' }).once('exit', resolve));
    if (code !== 0) throw new Error(`next build failed (exit ${code}): run \`npx next build\` to see why`);
    console.log(`web app built first, not counted (${s1(Date.now() - t)} s)`);
  }
  const fresh: Run[] = [];
  const restarts: Run[] = [];
  for (let i = 1; i <= runs; i++) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    for (const [kind, list] of [['first start', fresh], ['restart', restarts]] as const) {
      const r = await bootOnce(i, before, i === runs && kind === 'restart');
      list.push(r);
      console.log(`boot run ${i} (${kind}): ready in ${s1(r.ready)} s, stopped in ${s1(r.stop)} s, ${r.leftovers.length ? `LEFTOVER processes:\n  ${r.leftovers.join('\n  ')}` : 'no processes left behind'}`);
    }
  }
  const all = [...fresh, ...restarts];
  const mf = median(fresh.map((r) => r.ready));
  const mr = median(restarts.map((r) => r.ready));
  const ms = median(all.map((r) => r.stop));
  const clean = all.every((r) => !r.leftovers.length);
  console.log(`bench:boot median ready: first start ${s1(mf)} s, restart ${s1(mr)} s (target < 20 s); median stop ${s1(ms)} s (target < 10 s), ${clean ? 'no leftovers' : 'LEFTOVERS found'}`);
  if (restarts.at(-1)?.calibration) console.log(`  ${restarts.at(-1)!.calibration}`);
  return mf < 20_000 && mr < 20_000 && ms < 10_000 && clean ? 0 : 1;
}

main().then((code) => process.exit(code), (e: unknown) => { console.error(e instanceof Error ? e.message : e); process.exit(1); });
