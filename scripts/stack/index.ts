// The infrastructure half of `npm start`, importable: Postgres + Kafka (embedded unless URLs are given),
// migrations, topics, optional seed. scripts/start.ts adds the web app and workers; scripts/test.ts runs a
// second stack on other ports and another data dir.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { TOPIC_SPECS } from '../../lib/platform/events/topics';
import { migrateDeploy } from '../migrate';
import { localDatabaseUrl, redactUrl, REPO_ROOT, type StackConfig } from './config';
import { ensureTopics, checkKafkaPrerequisites, startKafka, type KafkaHandle, type TopicSpec } from './kafka';
import { startPostgres, type PostgresHandle } from './postgres';
import { PidFile, secs } from './proc';

export { devConfig, type StackConfig } from './config';
export { StackSetupError, type TopicSpec } from './kafka';
export { PidFile } from './proc';

export interface StartStackOptions extends StackConfig {
  /** default: TOPIC_SPECS from lib/events/topics */
  topics?: TopicSpec[];
  /** run the seed, prisma/seed.ts (idempotent), after migrating */
  seed?: boolean;
  /** false = Postgres without fsync (throwaway test data) */
  durable?: boolean;
  /** the data dir's pid file, when the caller claimed it first (to start things of its own alongside) */
  pids?: PidFile;
  /** one line per step; default console.log */
  log?: (line: string) => void;
}

export interface Stack {
  databaseUrl: string;
  kafkaBrokers: string;
  /** owns <dataDir>/pids.json; the runner adds its own child process groups */
  pids: PidFile;
  stop(): Promise<void>;
}

const row = (name: string, what: string, t0: number | null) => `✓ ${name.padEnd(12)} ${what}${t0 === null ? '' : `  (${secs(t0)} s)`}`;

export async function startStack(o: StartStackOptions): Promise<Stack> {
  const log = o.log ?? ((l: string) => console.log(l));
  fs.mkdirSync(o.dataDir, { recursive: true });
  if (!o.kafkaBrokers) checkKafkaPrerequisites(); // fail before starting anything else
  const pids = o.pids ?? (await PidFile.claim(path.join(o.dataDir, 'pids.json'), REPO_ROOT, log));
  let pg: PostgresHandle | undefined;
  let kafka: KafkaHandle | undefined;
  const stop = async () => {
    await kafka?.stop(); // first: its clients (workers) are gone by now; postgres has no dependency on it
    await pg?.stop();
    pids.release();
  };
  try {
    const t0 = Date.now();
    // both in parallel; allSettled so that one failing does not leave the other running unnoticed
    const [p, k] = await Promise.allSettled([
      o.databaseUrl ? Promise.resolve(undefined) : startPostgres({ dataDir: path.join(o.dataDir, 'pg'), port: o.pgPort, durable: o.durable, log })
        .then((h) => { pids.set('postgres', h.pid); log(row('postgres', redactUrl(h.url), t0)); return h; }),
      o.kafkaBrokers ? Promise.resolve(undefined) : startKafka({ dataDir: path.join(o.dataDir, 'kafka'), port: o.kafkaPort, controllerPort: o.kafkaControllerPort, log })
        .then((h) => { pids.set('kafka', h.pid); log(row('kafka', h.brokers, t0)); return h; }),
    ]);
    pg = p.status === 'fulfilled' ? p.value : undefined;
    kafka = k.status === 'fulfilled' ? k.value : undefined;
    if (p.status === 'rejected') throw p.reason;
    if (k.status === 'rejected') throw k.reason;
    const databaseUrl = o.databaseUrl ?? localDatabaseUrl(o.pgPort);
    const kafkaBrokers = o.kafkaBrokers ?? kafka!.brokers;
    if (o.databaseUrl) log(row('postgres', `${redactUrl(databaseUrl)}  (DATABASE_URL, not started here)`, null));
    if (o.kafkaBrokers) log(row('kafka', `${kafkaBrokers}  (KAFKA_BROKERS, not started here)`, null));

    let t = Date.now();
    const applied = await migrateDeploy(databaseUrl);
    log(row('migrate', applied.length ? `applied ${applied.join(', ')}` : 'up to date', t));
    t = Date.now();
    const topics = o.topics ?? TOPIC_SPECS;
    const created = await ensureTopics(kafkaBrokers, topics);
    log(row('topics', `${topics.length} topics${created.length ? `, created ${created.length}` : ''}`, t));
    if (o.seed) await runSeed(databaseUrl, log);
    return { databaseUrl, kafkaBrokers, pids, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * The seed (prisma/seed.ts) as a child: it owns its DB client. `bundle` = a bundle of it made with the workers'
 * (node loads it in ~half the CPU tsx takes, and `npm start` waits for the seed); else through tsx.
 */
export async function runSeed(databaseUrl: string, log: (l: string) => void = (l) => console.log(l), bundle?: string): Promise<void> {
  const file = path.join(REPO_ROOT, 'prisma', 'seed.ts');
  if (!fs.existsSync(file)) { log('! seed         prisma/seed.ts not found, skipped'); return; }
  const t = Date.now();
  const args = bundle && fs.existsSync(bundle) ? ['--enable-source-maps', bundle] : ['--import', 'tsx', file];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  // Progress lines (a seed step may take seconds, e.g. the commerce catalogue) are shown as they come;
  // the child's last line is the summary, shown with the time taken.
  let partial = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const l of lines) if (l.trim() && !l.startsWith('seeded ')) log(`  seed         ${l.trim()}`);
  });
  child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`seed failed (exit ${code}):\n${out.trim().split('\n').slice(-15).join('\n')}`);
  log(row('seed', out.trim().split('\n').pop() || 'done', t));
}
