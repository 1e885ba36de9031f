// `npm run bench:identity [-- --records N] [-- --runs R]`: Customer 360's linking quality and speed on this machine.
// Starts its own PostgreSQL and Kafka (.data/bench-identity, PG 54419, Kafka 19812/19813; BENCH_PG_PORT /
// BENCH_KAFKA_PORT move them). Per run, into a fresh database:
//   sources (not timed): the people simulator's records (realistic noise, lib/identity/simulate) written into their
//     source systems' tables (di / om / cx), and who each really is;
//   backfill: what `npm run identity:backfill` does: the sources read in one snapshot, cleansed as the CDC path does
//     (toSourceRow), into the empty store by the bulk load (bulk-load.ts): records/s, the phases, and the RSS of this
//     process (the load's) and of PostgreSQL's;
//   quality: pairwise precision, recall, F1 and cluster purity of the profiles against the ground truth;
//   live (the last run): Kafka Connect with Debezium's connector on that database, the identity-linker and
//     outbox-relay worker processes as `npm start` runs them, and, once a probe record has come through (the new
//     connector streaming), new people's records inserted into the source tables at BENCH_LIVE_RATE (200/s) for
//     BENCH_LIVE_SECONDS (30): source commit -> the first L2 message on `customer360.profiles` naming the record,
//     p50/p95/p99, split into stages and by 10 s, the linker's per-phase trace, and the RSS of the worker processes.
// Prints the medians of the runs with a calibration line of the same run (PostgreSQL commits/s, a fixed CPU loop).
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { Kafka, logLevel } from 'kafkajs';
import { connectorConfig, connectorNameFor, deleteConnector, ensureConnector } from '../../lib/identity/cdc/connector';
import { upsertSourceRows } from '../../lib/identity/sources/write';
import { topicsFor, topicSpecsFor } from '../../lib/platform/events/topics';
import { startConnect } from '../stack/connect';
import { ensureTopics } from '../stack/kafka';
import pg from 'pg';
import { bulkLoad, type BulkLoadResult } from '../../lib/identity/store/bulk-load';
import { copyField, copyTextArray, LineWriter } from '../../lib/identity/store/copy';
import { SOURCE_TABLES } from '../../lib/identity/store/source-records';
import { readSourceRows } from '../../lib/identity/sources/read';
import { SOURCE_COLUMNS } from '../../lib/identity/sources/write';
import { from as copyFrom } from 'pg-copy-streams';
import { simulateRecords } from '../../lib/identity/simulate/people';
import { toSourceTableRow } from '../../lib/identity/simulate/to-source';
import { scoreLinking } from '../../lib/identity/simulate/score';
import { REPO_ROOT } from '../stack/config';
import { freshDatabase } from '../stack/fresh-database';
import { startStack } from '../stack/index';
import { calibrate, formatCalibration, median, percentile } from './calibration';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
};
const RECORDS = arg('records', 50_000);
const RUNS = arg('runs', RECORDS > 500_000 ? 1 : 3);
const PG_PORT = Number(process.env.BENCH_PG_PORT || 54419);
const KAFKA_PORT = Number(process.env.BENCH_KAFKA_PORT || 19812);
const dataDir = path.join(REPO_ROOT, '.data', 'bench-identity');
const LIVE_RATE = Number(process.env.BENCH_LIVE_RATE || 200);
const LIVE_SECONDS = Number(process.env.BENCH_LIVE_SECONDS || 30);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const mb = (bytes: number) => `${n(bytes / 1048576)} MB`;

/** RSS of PostgreSQL's processes (shared buffers counted once per process that touched them: an upper bound). */
function postgresRss(): number {
  try {
    const out = execFileSync('ps', ['-C', 'postgres', '-o', 'rss='], { encoding: 'utf8' });
    return out.split('\n').filter(Boolean).reduce((s, l) => s + Number(l.trim()) * 1024, 0);
  } catch { return NaN; }
}

/**
 * The simulator's first RECORDS records as their source systems' rows (COPY into di / om / cx), and who each really
 * is (IdentityGroundTruth): the population a backfill finds. Not timed.
 */
async function writeSources(databaseUrl: string): Promise<number> {
  const clients: pg.Client[] = [];
  const open = async (table: string, columns: string[]) => {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    clients.push(c);
    // copyInto quotes names as Prisma's tables need; the sources are schema.table in lower case
    return new LineWriter(c.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
  };
  const writers = new Map<string, { w: LineWriter; cols: [string, string][] }>();
  for (const t of SOURCE_TABLES) writers.set(t.table, { w: await open(t.table, SOURCE_COLUMNS[t.table].map(([c]) => c)), cols: SOURCE_COLUMNS[t.table] });
  const truth = await open('"IdentityGroundTruth"', ['"recordKey"', '"personId"', 'noise']);
  let count = 0;
  try {
    for (const r of simulateRecords({ seed: 7, people: Math.ceil(RECORDS / 1.5) })) {
      if (count >= RECORDS) break;
      const s = toSourceTableRow(r);
      const { w, cols } = writers.get(s.table.table)!;
      const row: Record<string, unknown> = { ...s.row, created_at: s.createdAt.toISOString(), updated_at: s.updatedAt.toISOString() };
      const v = (c: string, type: string) => {
        const x = row[c];
        if (type === 'text[]') return copyTextArray(Array.isArray(x) ? x.map(String) : []);
        return copyField(x === null || x === undefined ? null : String(x));
      };
      const a = w.write(cols.map(([c, type]) => v(c, type)).join('\t'));
      if (a) await a;
      const b = truth.write(`${copyField(`${s.table.keyPrefix}${String(s.row[s.table.idColumn])}`)}\t${copyField(r.personId)}\t${copyTextArray(r.noise)}`);
      if (b) await b;
      if (++count % 100_000 === 0) process.stdout.write(`\r  sources: ${n(count)} / ${n(RECORDS)} rows written   `);
    }
    for (const { w } of writers.values()) await w.end();
    await truth.end();
    process.stdout.write('\n');
    return count;
  } finally {
    for (const c of clients) await c.end().catch(() => {});
  }
}

/** The backfill as `npm run identity:backfill` does it: the sources read in one snapshot, into the empty store by the bulk load. */
async function backfill(pool: pg.Pool): Promise<{ records: number; seconds: number; peakRss: number; peakPgRss: number; result: BulkLoadResult }> {
  let peakPgRss = 0, lastPhase = '';
  const t0 = Date.now();
  const result = await bulkLoad(pool, readSourceRows(pool, { today: '2026-12-01' }), {
    onProgress: ({ phase, done, total }) => {
      if (phase !== lastPhase && lastPhase) process.stdout.write('\n');
      lastPhase = phase;
      peakPgRss = Math.max(peakPgRss, postgresRss());
      const s = (Date.now() - t0) / 1000;
      process.stdout.write(`\r  backfill ${phase}: ${n(done)}${total ? ` / ${n(total)}` : ''} at ${s.toFixed(0)} s, rss ${mb(process.memoryUsage().rss)}   `);
    },
  });
  const seconds = (Date.now() - t0) / 1000;
  process.stdout.write('\n');
  console.log(`  phases (s): ${Object.entries(result.phases).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}; ${n(result.pairs)} candidate pairs, ${n(result.links)} links, ${n(result.oversizedBlocks)} blocking keys past the limit`);
  return { records: result.records, seconds, peakRss: result.peakRss, peakPgRss: Math.max(peakPgRss, postgresRss()), result };
}

const rssOf = (pid: number | undefined): number => {
  try { return pid ? Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) * 1024 : NaN; } catch { return NaN; }
};

function startWorker(name: string, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', `workers/${name}.ts`], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} not ready in 60 s:\n${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => { out += d.toString(); if (/ready/.test(out)) { clearTimeout(timer); resolve(child); } });
    child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${name} exited (${code}):\n${out}`)); });
  });
}

/**
 * The latency split at the linker's transaction (its start is the outbox row's createdAt): commit -> transaction start
 * (Debezium, Kafka, the linker's fetch and any queue before it), transaction start -> L2 produced (the linker's work and
 * commit, the relay), produced -> received; and the end-to-end p99 of each 10 s of the run (a warm-up shows here).
 */
async function latencyStages(pool: pg.Pool, topic: string, seen: Map<string, { committed: number; produced: number; received: number }>, started: number): Promise<string> {
  const { rows } = await pool.query<{ k: string; at: Date }>(
    `SELECT k, min("createdAt") AS at FROM "OutboxEvent", jsonb_array_elements_text(envelope->'records') AS k WHERE topic = $1 AND k = ANY($2::text[]) GROUP BY k`,
    [topic, [...seen.keys()]]);
  const txAt = new Map(rows.map((r) => [r.k, r.at.getTime()]));
  const up: number[] = [], mid: number[] = [], down: number[] = [];
  const windows = new Map<number, number[]>();
  for (const [k, t] of seen) {
    const tx = txAt.get(k);
    if (tx !== undefined) { up.push(tx - t.committed); mid.push(t.produced - tx); }
    down.push(t.received - t.produced);
    const w = Math.floor((t.committed - started) / 10_000);
    windows.set(w, [...(windows.get(w) ?? []), t.received - t.committed]);
  }
  const p = (xs: number[]) => { const s = [...xs].sort((x, y) => x - y); return `${n(percentile(s, 50))}/${n(percentile(s, 99))}`; };
  return `stages p50/p99 ms: commit -> linker transaction ${p(up)}, -> L2 produced ${p(mid)}, -> received ${p(down)}; p99 by 10 s: `
    + [...windows].sort(([x], [y]) => x - y).map(([w, xs]) => `${w * 10}-${w * 10 + 10} s ${n(percentile([...xs].sort((x, y) => x - y), 99))}`).join(', ');
}

/** Live changes through the whole CDC path: source insert -> Debezium -> linker -> outbox -> the L2 topic. */
async function live(stack: { databaseUrl: string; kafkaBrokers: string; pids: import('../stack/proc').PidFile }, databaseUrl: string) {
  const prefix = `bench-${Date.now().toString(36)}.`;
  await ensureTopics(stack.kafkaBrokers, topicSpecsFor(prefix));
  const topics = topicsFor(prefix);
  const connect = startConnect({ dataDir: path.join(dataDir, 'connect'), port: KAFKA_PORT + 2, brokers: stack.kafkaBrokers, groupId: `bench-identity-${prefix}`, pids: stack.pids, log: () => {} });
  const children: ChildProcess[] = [];
  const name = connectorNameFor(databaseUrl);
  const kafka = new Kafka({ clientId: 'bench-identity', brokers: [stack.kafkaBrokers], logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `${prefix}bench-reader`, maxWaitTimeInMs: 20 });
  try {
    if (!(await connect.ready)) throw new Error('Kafka Connect did not start');
    // the backfill loaded the sources: the connector streams what changes from now on (no snapshot of them again)
    await ensureConnector(connect.url, connectorConfig({ databaseUrl, topicPrefix: prefix, name, snapshot: 'no_data' }));
    const env = { ...process.env, DATABASE_URL: databaseUrl, KAFKA_BROKERS: stack.kafkaBrokers, KAFKA_TOPIC_PREFIX: prefix };
    children.push(await startWorker('identity-linker', { ...env, IDENTITY_TRACE: '1' }), await startWorker('platform-outbox-relay', env));
    const traceLines: string[] = [];
    readline.createInterface({ input: children[0]!.stdout! }).on('line', (l) => { if (l.includes('trace:')) traceLines.push(l.replace(/^.*trace: /, '')); });
    const sent = new Map<string, number>();
    // where the time goes, per record seen: committed at, L2 message produced at (the relay's send), received at
    const seen = new Map<string, { committed: number; produced: number; received: number }>();
    const probes = new Set<string>();
    await consumer.connect();
    await consumer.subscribe({ topic: topics.customer360Profiles, fromBeginning: false });
    await consumer.run({ eachMessage: async ({ message }) => {
      if (!message.value) return;
      const at = Date.now();
      const records = (JSON.parse(message.value.toString()) as { records?: string[] }).records ?? [];
      for (const k of records) {
        probes.delete(k);
        const t0 = sent.get(k);
        if (t0 !== undefined) { sent.delete(k); seen.set(k, { committed: t0, produced: Number(message.timestamp), received: at }); }
      }
    } });
    await sleep(3_000); // the reader joined
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    // Not timed: a connector just created starts streaming some seconds later (its slot, the first WAL read), and
    // what is inserted meanwhile waits in the slot (the first 3M run's first 10 s: one backlog of ~1,000 changes). A
    // few probe records go through the whole path first; the timed changes start once one has come out as L2.
    const probeStart = Date.now();
    for (const next of simulateRecords({ seed: 98, people: 5 })) {
      const s = toSourceTableRow(next);
      const row: Record<string, unknown> = { ...s.row, [s.table.idColumn]: `W${String(s.row[s.table.idColumn])}` };
      probes.add(`${s.table.keyPrefix}${String(row[s.table.idColumn])}`);
      await upsertSourceRows(pool, s.table, [row]);
    }
    const probed = probes.size;
    while (probes.size === probed && Date.now() - probeStart < 120_000) await sleep(100);
    if (probes.size === probed) throw new Error('no probe record reached the L2 topic in 120 s: the CDC path is not streaming');
    const streamingAfter = (Date.now() - probeStart) / 1000;
    await sleep(1_000);
    // new people (another seed): their records are inserted as the sources would, LIVE_RATE a second in 20 ticks
    const people = simulateRecords({ seed: 99, people: Math.ceil((LIVE_RATE * LIVE_SECONDS) / 1.5) + 100 });
    const started = Date.now();
    let inserted = 0, peakLinker = 0, peakRelay = 0;
    for (let tick = 0; Date.now() - started < LIVE_SECONDS * 1000; tick++) {
      const due = Math.floor(((Date.now() - started) / 1000) * LIVE_RATE);
      const batch = new Map<import('../../lib/identity/store/source-records').SourceTable, { row: Record<string, unknown>; key: string }[]>();
      while (inserted < due) {
        const next = people.next();
        if (next.done) break;
        const s = toSourceTableRow(next.value);
        // "L…" ids: the simulator numbers each run's records from 1, and the backfill's are in the tables already
        const fixed: Record<string, unknown> = { ...s.row, [s.table.idColumn]: `L${String(s.row[s.table.idColumn])}` };
        batch.set(s.table, [...(batch.get(s.table) ?? []), { row: fixed, key: `${s.table.keyPrefix}${String(fixed[s.table.idColumn])}` }]);
        inserted++;
      }
      for (const [table, rows] of batch) {
        await upsertSourceRows(pool, table, rows.map((r) => r.row));
        const t = Date.now();
        for (const r of rows) sent.set(r.key, t);
      }
      if (tick % 20 === 0) { peakLinker = Math.max(peakLinker, rssOf(children[0]!.pid)); peakRelay = Math.max(peakRelay, rssOf(children[1]!.pid)); }
      await sleep(50);
    }
    for (let i = 0; i < 40 && sent.size > 0; i++) await sleep(250);
    const stages = await latencyStages(pool, topics.customer360Profiles, seen, started);
    await pool.end();
    const latencies = [...seen.values()].map((t) => t.received - t.committed);
    return { inserted, seconds: (Date.now() - started) / 1000, latencies, missing: sent.size, peakLinker, peakRelay, connectRss: NaN, stages, traceLines, streamingAfter };
  } finally {
    await consumer.disconnect().catch(() => {});
    for (const c of children) c.kill('SIGTERM');
    await deleteConnector(connect.url, name).catch(() => false);
    await connect.stop();
  }
}

async function main() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  console.log(`bench:identity: ${n(RECORDS)} records, ${RUNS} run(s)`);
  const stack = await startStack({ dataDir, pgPort: PG_PORT, kafkaPort: KAFKA_PORT, kafkaControllerPort: KAFKA_PORT + 1, topics: [], log: () => {} });
  try {
    const calibration = formatCalibration(await calibrate({ databaseUrl: stack.databaseUrl }));
    console.log(calibration);
    const rates: number[] = [], f1s: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const databaseUrl = await freshDatabase(stack.databaseUrl, 'bench_identity');
      const { migrateDeploy } = await import('../migrate');
      await migrateDeploy(databaseUrl);
      const written = await writeSources(databaseUrl);
      if (written < RECORDS) console.log(`  the simulator made ${n(written)} records only`);
      const pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
      pool.on('error', (e) => console.error(`an idle PostgreSQL connection failed: ${e.message}`)); // say it, do not crash before the real error is shown
      const b = await backfill(pool);
      const q = await scoreLinking(pool);
      const { rows } = await pool.query<{ profiles: number; review: number; largest: number }>(`SELECT count(*)::int AS profiles, (count(*) FILTER (WHERE review))::int AS review, max(cardinality(records))::int AS largest FROM "IdentityProfile"`);
      await pool.end();
      if (run === RUNS && !process.env.BENCH_NO_LIVE) {
        const l = await live(stack, databaseUrl);
        const ls = [...l.latencies].sort((x, y) => x - y);
        console.log(`  live: ${n(l.inserted)} new records in ${l.seconds.toFixed(0)} s (${n(l.inserted / l.seconds)}/s) through Debezium -> linker -> outbox -> ${'customer360.profiles'}:`
          + ` source commit -> L2 message p50 ${n(percentile(ls, 50))} / p95 ${n(percentile(ls, 95))} / p99 ${n(percentile(ls, 99))} ms (goal p99 < 2,000), ${l.missing} not seen;`
          + ` RSS identity-linker ${mb(l.peakLinker)}, outbox relay ${mb(l.peakRelay)}`);
        console.log(`    ${l.stages}; before the timed changes, the first probe record came through in ${l.streamingAfter.toFixed(1)} s (connector start, not timed)`);
        for (const t of l.traceLines) console.log(`    linker: ${t}`);
      }
      rates.push(b.records / b.seconds);
      f1s.push(q.f1);
      console.log(`run ${run}: backfill ${n(b.records)} records in ${b.seconds.toFixed(1)} s = ${n(b.records / b.seconds)} records/s; peak RSS: linker (this process) ${mb(b.peakRss)}, PostgreSQL processes ${mb(b.peakPgRss)}`);
      console.log(`  ${n(rows[0]!.profiles)} profiles (${n(q.people)} people), ${rows[0]!.review} held for review, largest ${rows[0]!.largest} records`);
      console.log(`  pairwise precision ${q.precision.toFixed(4)}, recall ${q.recall.toFixed(4)}, F1 ${q.f1.toFixed(4)}; purity ${q.purity.toFixed(4)}, inverse purity ${q.inversePurity.toFixed(4)} (pairs: ${n(q.truePairs)} true of ${n(q.predictedPairs)} predicted, ${n(q.actualPairs)} actual)`);
    }
    console.log(`median of ${RUNS} run(s): backfill ${n(median(rates))} records/s (goal 20,000 at 3,000,000 records), F1 ${median(f1s).toFixed(4)} (goal 0.98)`);
    console.log(calibration);
  } finally {
    await stack.stop();
  }
}

main().then(() => process.exit(0), (e: unknown) => {
  console.error(`✗ ${e instanceof Error ? e.stack : String(e)}`);
  process.exit(1);
});
