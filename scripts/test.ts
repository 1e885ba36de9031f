// `npm test`: typecheck, lint, unit tests, then integration and end-to-end tests
// against a real Kafka broker and PostgreSQL. Unless DATABASE_URL and
// KAFKA_BROKERS are both set, a throwaway test stack is started exactly as
// `npm start` starts one, on its own ports and in .data/test (never .data/dev).
// Each suite gets its own database and topic prefix, made fresh for this run. One Kafka Connect worker (unless
// CONNECT_URL names one) serves both suites: the CDC test and the e2e run's product register their own connectors.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { connectorNameFor, deleteConnector } from '../lib/identity/cdc/connector';
import { topicSpecsFor } from '../lib/platform/events/topics';
import { migrateDeploy } from './migrate';
import { REPO_ROOT, redactUrl } from './stack/config';
import { startConnect, type ConnectHandle } from './stack/connect';
import { freshDatabase as recreateDatabase } from './stack/fresh-database';
import { startStack, type Stack } from './stack/index';
import { ensureTopics } from './stack/kafka';

const results = path.join(REPO_ROOT, 'test-results');
const counts = { passed: 0, failed: 0, skipped: 0 };
const bin = (name: string) => path.join(REPO_ROOT, 'node_modules', '.bin', name);

function run(title: string, cmd: string, args: string[], env: Record<string, string> = {}): Promise<boolean> {
  console.log(`\n── ${title} ──`);
  const t = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
    child.once('exit', (code) => {
      console.log(`── ${title}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      resolve(code === 0);
    });
  });
}

function tally(file: string, kind: 'vitest' | 'playwright'): void {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (kind === 'vitest') {
    counts.passed += r.numPassedTests;
    counts.failed += r.numFailedTests;
    counts.skipped += r.numPendingTests + r.numTodoTests;
  } else {
    counts.passed += r.stats.expected + r.stats.flaky;
    counts.failed += r.stats.unexpected;
    counts.skipped += r.stats.skipped;
  }
}

/**
 * A fresh database beside the stack's one: <db>_<suite>, dropped and recreated (with the CDC slots an earlier run's
 * connector left on it, which would block the drop), then migrated. On a Connect that outlives runs (CONNECT_URL),
 * that connector is removed first, or it would go on streaming the new database under the old run's topics.
 */
async function freshDatabase(baseUrl: string, suite: string, connectUrl: string | undefined): Promise<string> {
  const name = `${new URL(baseUrl).pathname.slice(1)}_${suite}`;
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  if (connectUrl) await deleteConnector(connectUrl, connectorNameFor(url.toString()));
  const fresh = await recreateDatabase(baseUrl, name);
  await migrateDeploy(fresh);
  return fresh;
}

async function main(): Promise<number> {
  fs.rmSync(results, { recursive: true, force: true });
  fs.mkdirSync(results, { recursive: true });
  const vitestJson = (name: string) => ['--reporter=default', '--reporter=json', `--outputFile=${path.join(results, `${name}.json`)}`];

  if (!(await run('typecheck', bin('tsc'), ['--noEmit']))) return 1;
  if (!(await run('lint', bin('eslint'), ['.', '--max-warnings=0']))) return 1;
  const unitOk = await run('unit tests', bin('vitest'), ['run', '--project', 'unit', ...vitestJson('unit')]);
  tally(path.join(results, 'unit.json'), 'vitest');
  if (!unitOk) return 1;

  const external = Boolean(process.env.DATABASE_URL && process.env.KAFKA_BROKERS);
  const dataDir = path.join(REPO_ROOT, '.data', 'test');
  if (!external) fs.rmSync(dataDir, { recursive: true, force: true });
  console.log(`\n── test stack (${external ? 'DATABASE_URL / KAFKA_BROKERS' : '.data/test'}) ──`);
  let stack: Stack | undefined;
  let connect: ConnectHandle | undefined;
  // Connect first: it is a client of the stack's Kafka
  const stop = async () => { await connect?.stop(); connect = undefined; await stack?.stop(); stack = undefined; };
  process.on('SIGINT', () => void stop().then(() => process.exit(130)));
  process.on('SIGTERM', () => void stop().then(() => process.exit(143)));
  try {
    stack = await startStack({
      dataDir, pgPort: 54339, kafkaPort: 19192, kafkaControllerPort: 19193,
      databaseUrl: process.env.DATABASE_URL || undefined, kafkaBrokers: process.env.KAFKA_BROKERS || undefined,
      durable: false, seed: false, topics: [],
    });
    const runId = Date.now().toString(36);
    // Its own consumer group and storage topics per run: on a broker that outlives runs (KAFKA_BROKERS), an earlier
    // run's connectors must not come back.
    const t = Date.now();
    if (!process.env.CONNECT_URL) {
      connect = startConnect({ dataDir: path.join(dataDir, 'connect'), port: 19194, brokers: stack.kafkaBrokers,
        groupId: `switchboard-connect-test-${runId}`, pids: stack.pids });
    }
    const connectUrl = process.env.CONNECT_URL?.replace(/\/+$/, '') || connect!.url;
    const suite = async (name: string) => {
      const prefix = `${name}-${runId}.`;
      const databaseUrl = await freshDatabase(stack!.databaseUrl, name, process.env.CONNECT_URL ? connectUrl : undefined);
      await ensureTopics(stack!.kafkaBrokers, topicSpecsFor(prefix));
      console.log(`✓ ${name.padEnd(12)} ${redactUrl(databaseUrl)}, topics ${prefix}*`);
      return { DATABASE_URL: databaseUrl, KAFKA_BROKERS: stack!.kafkaBrokers, KAFKA_TOPIC_PREFIX: prefix, CONNECT_URL: connectUrl };
    };
    const [itEnv, e2eEnv] = [await suite('it'), await suite('e2e')];
    if (connect && !(await connect.ready)) throw new Error(`Kafka Connect did not answer on ${connect.url} within 90 s (log ${path.join(dataDir, 'connect', 'worker.log')})`);
    console.log(`✓ ${'connect'.padEnd(12)} ${connectUrl}${connect ? '' : ' (CONNECT_URL)'}  (${((Date.now() - t) / 1000).toFixed(1)} s)`);

    const itOk = await run('integration tests', bin('vitest'), ['run', '--project', 'integration', ...vitestJson('integration')], itEnv);
    tally(path.join(results, 'integration.json'), 'vitest');
    const e2eOk = await run('end-to-end tests (Chromium)', bin('playwright'), ['test', '--reporter=list,json'], {
      ...e2eEnv,
      PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(results, 'e2e.json'),
    });
    tally(path.join(results, 'e2e.json'), 'playwright');
    return itOk && e2eOk ? 0 : 1;
  } finally {
    await stop();
  }
}

const code = await main().catch((e: Error) => {
  console.error(`✗ ${e.message}`);
  return 1;
});
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(code);
