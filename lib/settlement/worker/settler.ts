/**
 * The settlement worker (workers/settlement-worker.ts): reads `payment`, writes one settlement base per payment
 * event with its classification, keeps the statistics per approval day x merchant x action x method, and publishes
 * each changed statistics row on `payment-statistics`.
 *
 * Exactly once, by PostgreSQL: a partition's step (the messages of one fetched batch) is computed in memory
 * (step.ts) and written by one statement that moves the partition's cursor from where the step started (store.ts).
 * On every assignment the consumer is moved (seek) to the stored cursor, not to Kafka's committed offsets. A step
 * that finds the cursor elsewhere writes nothing, and the partition is loaded again from PostgreSQL. So a SIGKILL,
 * a redelivery, a replay or a stale replica after a rebalance can neither lose nor double a base or a statistic.
 *
 * Publishing follows the commit: the changed rows (running totals with a version) are sent, then marked published
 * in one UPDATE per tick; a crash in between sends them again, harmlessly (a reader keeps the highest version).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Consumer, Kafka, KafkaMessage, Producer } from 'kafkajs';
import pg from 'pg';
import { config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { paymentMessage, statisticKey, type PaymentStatistic } from '../../platform/events/settlement';
import { TOPICS, TOPIC_PREFIX } from '../../platform/events/topics';
import { sendToDeadLetter } from '../../platform/kafka/dead-letter';
import type { Merchant, PayoutRule } from '../base/classify';
import { canonicalPayment } from './canonical';
import { startRuleFeed, type RuleFeed } from './rule-feed';
import { RecentKeys } from './recent-keys';
import { computeStep, eventKeyOf, idsToLookUp, type BaseRow, type Cursor, type Item } from './step';
import { isRefusedAsSeen, runOn, loadPartition, lookUp, markPublished, saveStep, unpublishedStatistics } from './store';

export interface SettlerOptions {
  kafka: Kafka;
  db: Db;
  producer: Producer;
  groupId: string;
  /** where the steps are written (default DATABASE_URL, as `db`) */
  databaseUrl?: string;
  defaultRule: PayoutRule;
  /** UNCONFIRMED_EXPIRY_HOURS, in ms of event time */
  expiryMs: number;
  log?: (line: string) => void;
  onProgress?: (p: { topic: string; partition: number; offset: string; highWatermark: string }) => void;
  beforeRun?: (consumer: Consumer) => void;
}

export interface Settler {
  consumer: Consumer;
  counters: { payments: number; finishMarkers: number; bases: number; reclassified: number; deadLettered: number; fenced: number; refusedAsSeen: number; statisticsPublished: number; rules: number };
  stop(): Promise<void>;
}

const TICK_MS = 100;
/** SETTLEMENT_TRACE=1: a line per step with where its time went (the bench uses it to find the slow part). */
const TRACE = process.env.SETTLEMENT_TRACE === '1';
/** A step takes at most this many queued messages; a partition queueing more than MAX_QUEUED is paused. */
const MAX_STEP = 4_000;
const MAX_QUEUED = 40_000;
const loopDelay = TRACE ? monitorEventLoopDelay({ resolution: 10 }) : null;
loopDelay?.enable();
/**
 * How many event keys each partition remembers (SETTLEMENT_RECENT_KEYS, default 200,000: about 2 minutes of a
 * partition at 10,000 payments/s; ~20 MB). Duplicates come seconds after the original, so nearly all are found
 * here without asking PostgreSQL; an older one is caught by the unique event key and the step decided again.
 */
const RECENT_KEYS = Math.max(1_000, Number(process.env.SETTLEMENT_RECENT_KEYS) || 200_000);
const MERCHANTS_EVERY_MS = 2_000;

export async function startSettler(o: SettlerOptions): Promise<Settler> {
  const { kafka, db, producer, groupId } = o;
  const log = o.log ?? ((l: string) => console.log(l));
  const topic = TOPICS.payment;
  const counters = { payments: 0, finishMarkers: 0, bases: 0, reclassified: 0, deadLettered: 0, fenced: 0, refusedAsSeen: 0, statisticsPublished: 0, rules: 0 };

  // The merchant registry, read again every 2 s (a flag staff change applies to payments read after it).
  let merchants = new Map<string, Merchant>();
  const loadMerchants = async () => {
    const rows = await db.merchant.findMany({ select: { number: true, settlementEnabled: true, test: true } });
    merchants = new Map(rows.map((m) => [m.number, m]));
  };
  await loadMerchants();
  // the steps' own pool (store.ts says why not Prisma's): one connection per partition in flight
  const pool = new pg.Pool({ connectionString: o.databaseUrl ?? config().DATABASE_URL, max: 7, application_name: groupId });
  pool.on('error', (e) => log(`an idle PostgreSQL connection failed: ${e.message}`));
  const hot = runOn(pool);
  const rules: RuleFeed = await startRuleFeed(kafka, TOPICS.payoutRules, TOPIC_PREFIX, log);

  interface Task { cursor: Cursor; held: Map<string, BaseRow>; orphans: Set<string>; recent: RecentKeys }
  const tasks = new Map<number, Task>();
  const locks = new Map<number, Promise<unknown>>();
  /** One step of a partition at a time: its memory and its row in PostgreSQL move together. */
  const serial = <T>(partition: number, fn: () => Promise<T>): Promise<T> => {
    const run = (locks.get(partition) ?? Promise.resolve()).then(fn, fn);
    locks.set(partition, run.catch(() => {}));
    return run;
  };

  let unsent: PaymentStatistic[] = [];
  let toMark: PaymentStatistic[] = [];
  const publish = async (rows: PaymentStatistic[]) => {
    if (!rows.length) return;
    try {
      await producer.send({ topic: TOPICS.paymentStatistics, acks: -1, messages: rows.map((r) => ({ key: statisticKey(r), value: JSON.stringify(r) })) });
      counters.statisticsPublished += rows.length;
      toMark.push(...rows);
    } catch (e) {
      unsent.push(...rows);
      log(`publishing ${rows.length} statistics failed, will retry: ${(e as Error).message}`);
    }
  };

  const consumer = kafka.consumer({ groupId, sessionTimeout: 6_000, rebalanceTimeout: 20_000, heartbeatInterval: 1_500,
    // a fetch waits for 16 KB (or 50 ms): under load, fewer and fuller fetches (the broker's CPU is per request)
    minBytes: 16 * 1024, maxWaitTimeInMs: 50,
    // A fetch is decoded in one synchronous pass: 256 KB a partition (~1,000 payments), 1 MB in all, keeps that pass short, so
    // one partition's big batch does not hold up the others' statements (2 MB held the event loop for ~400 ms).
    maxBytesPerPartition: 256 * 1024, maxBytes: 1024 * 1024 });

  /** (Re)loads a partition from PostgreSQL and moves the consumer to its cursor. */
  const load = (partition: number) => serial(partition, async () => {
    const restored = await loadPartition(db, topic, partition);
    if (restored.orphans.size) log(`partition ${partition}: ${restored.orphans.size} network cancellations wait for their approval`);
    const admin = kafka.admin();
    await admin.connect();
    const low = BigInt((await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect())).find((f) => f.partition === partition)?.low ?? '0');
    const cursor = restored.cursor ?? { nextOffset: 0n, batchSeq: 0, watermark: null };
    if (cursor.nextOffset < low) {
      log(`partition ${partition}: payments before offset ${low} were removed by retention before they were read`);
      cursor.nextOffset = low;
    }
    tasks.set(partition, { cursor, held: restored.held, orphans: restored.orphans, recent: new RecentKeys(RECENT_KEYS) });
    queues.delete(partition);
    consumer.seek({ topic, partition, offset: String(cursor.nextOffset) });
    if (paused.delete(partition)) consumer.resume([{ topic, partitions: [partition] }]);
    log(`partition ${partition}: from offset ${cursor.nextOffset}, batch ${cursor.batchSeq}, ${restored.held.size} unconfirmed held`);
  });

  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  o.beforeRun?.(consumer);
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    const assigned = new Set<number>(payload.memberAssignment[topic] ?? []);
    for (const p of [...tasks.keys()]) if (!assigned.has(p)) { tasks.delete(p); queues.delete(p); }
    for (const p of [...paused]) if (!assigned.has(p)) paused.delete(p);
    // every assignment is loaded again: another replica may have moved a partition's cursor meanwhile
    for (const p of assigned) { tasks.delete(p); queues.delete(p); void load(p).catch((e: Error) => log(`partition ${p}: could not be loaded: ${e.message}`)); }
  });

  const decode = async (partition: number, m: KafkaMessage): Promise<Item> => {
    const offset = BigInt(m.offset);
    const ts = Number(m.timestamp);
    let reason: string;
    try {
      const raw: unknown = JSON.parse(m.value?.toString() ?? '');
      // the shop's own messages are checked by hand (canonical.ts); anything else by the schema, which says what is wrong
      const fast = canonicalPayment(raw);
      if (fast) return { offset, ts, message: fast };
      const r = paymentMessage.safeParse(raw);
      if (r.success) return { offset, ts, message: r.data };
      reason = r.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ');
    } catch {
      reason = 'not JSON';
    }
    counters.deadLettered++;
    await sendToDeadLetter(producer, { consumer: groupId, topic, partition, message: m }, reason);
    return { offset, ts, bad: true };
  };

  /**
   * Fetching and settling run side by side: a fetched batch is queued for its partition and the consumer fetches
   * on, while each partition's steps take everything queued so far (up to MAX_STEP). Under load the steps grow
   * and the statements stay few; when quiet a step is a handful of payments and the latency is one statement.
   * A partition whose queue passes MAX_QUEUED is paused until its steps catch up.
   */
  const queues = new Map<number, Item[]>();
  const draining = new Set<number>();
  const paused = new Set<number>();
  const fetchedAt = new Map<number, number>();
  const drain = (partition: number) => {
    if (draining.has(partition)) return;
    draining.add(partition);
    void serial(partition, async () => {
      try {
        for (;;) {
          const queue = queues.get(partition) ?? [];
          if (!queue.length) break;
          const items = queue.splice(0, MAX_STEP);
          await settle(partition, items);
        }
      } finally {
        draining.delete(partition);
        if (paused.has(partition) && (queues.get(partition)?.length ?? 0) < MAX_QUEUED / 4) {
          paused.delete(partition);
          consumer.resume([{ topic, partitions: [partition] }]);
        }
      }
    }).catch((e: Error) => log(`partition ${partition}: settling failed: ${e.message}`));
  };

  /** One step: the items from the cursor on, decided and written in one statement. */
  const settle = async (partition: number, items: Item[]) => {
    const task = tasks.get(partition);
    if (!task) { queues.delete(partition); return; } // not ours, or being loaded: the load seeks to the stored cursor
    const fresh = items.filter((i) => i.offset >= task.cursor.nextOffset);
    if (!fresh.length) return;
    if (fresh[0]!.offset !== task.cursor.nextOffset) {
      // a gap (the consumer is not where the cursor is): read again from the cursor
      queues.delete(partition);
      consumer.seek({ topic, partition, offset: String(task.cursor.nextOffset) });
      return;
    }
    const settings = { merchant: (n: string) => merchants.get(n) ?? null, rules: rules.book(), defaultRule: o.defaultRule, expiryMs: o.expiryMs };
    const t0 = performance.now();
    let everything = false;
    let step, saved, t1, t2;
    for (;;) {
      const known = await lookUp(hot, idsToLookUp(fresh, everything));
      t1 = performance.now();
      step = computeStep(partition, task.cursor, fresh, known, task.held, settings, everything ? undefined : (k) => task.recent.has(k), task.orphans);
      t2 = performance.now();
      try {
        saved = await saveStep(hot, topic, step);
        break;
      } catch (e) {
        if (isRefusedAsSeen(e) && !everything) {
          // an event older than the worker's memory came again: read the partition back and decide the step
          // from PostgreSQL's bases alone (the step changed the held approvals in place, so they are read again)
          counters.refusedAsSeen++;
          const again = await loadPartition(db, topic, partition);
          task.held = again.held;
          task.orphans = again.orphans;
          everything = true;
          continue;
        }
        // the step changed the held approvals in place and is not written: the partition is loaded again
        tasks.delete(partition);
        queues.delete(partition);
        log(`partition ${partition}: step from ${step.from} not written (${(e as Error).message.slice(0, 300)}); loading it again`);
        void load(partition).catch(() => {});
        return;
      }
    }
    if (TRACE) log(`partition ${partition}: event loop delay p99 ${(loopDelay!.percentile(99) / 1e6).toFixed(1)} ms max ${(loopDelay!.max / 1e6).toFixed(1)} ms; ${fresh.length} messages, queued ${(t0 - (fetchedAt.get(partition) ?? t0)).toFixed(1)} ms ago at most, look-up ${(t1 - t0).toFixed(1)} ms, step ${(t2 - t1).toFixed(1)} ms, write ${(performance.now() - t2).toFixed(1)} ms${everything ? ', again with every id' : ''}`);
    if (!saved.applied) {
      // the cursor moved elsewhere (another replica, or an earlier run of ours): start again from the store
      counters.fenced++;
      tasks.delete(partition);
      queues.delete(partition);
      log(`partition ${partition}: cursor is not at ${step.from} any more; loading it again`);
      void load(partition).catch(() => {});
      return;
    }
    for (const row of step.inserts) if (row.classification !== 'duplicate') task.recent.add(eventKeyOf(row));
    task.cursor = step.cursor;
    counters.bases += step.inserts.length;
    counters.reclassified += step.updates.length;
    for (const i of fresh) if (!('bad' in i)) { if (i.message.action === 'FINISH') counters.finishMarkers++; else counters.payments++; }
    await publish(saved.statistics);
  };

  await consumer.run({
    partitionsConsumedConcurrently: 6,
    eachBatchAutoResolve: false,
    autoCommitInterval: 1_000,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
      const { partition } = batch;
      if (!batch.messages.length || !isRunning() || isStale()) return;
      if (!tasks.has(partition)) return; // being loaded: its seek decides where reading goes on
      const items: Item[] = [];
      for (const m of batch.messages) items.push(await decode(partition, m));
      const queue = queues.get(partition) ?? queues.set(partition, []).get(partition)!;
      queue.push(...items);
      if (!fetchedAt.has(partition) || !draining.has(partition)) fetchedAt.set(partition, performance.now());
      drain(partition);
      if (queue.length > MAX_QUEUED && !paused.has(partition)) {
        paused.add(partition);
        consumer.pause([{ topic, partitions: [partition] }]);
      }
      const last = batch.messages.at(-1)!;
      // Kafka's offsets only inform tools (lag); the cursor in PostgreSQL is where a restart resumes.
      resolveOffset(last.offset);
      o.onProgress?.({ topic, partition, offset: last.offset, highWatermark: batch.highWatermark });
      await heartbeat();
    },
  });

  // the statistics a previous run committed but did not get to Kafka
  unsent.push(...await unpublishedStatistics(db));
  let stopping = false;
  let merchantsAt = Date.now();
  const ticker = (async () => {
    while (!stopping) {
      await new Promise((r) => setTimeout(r, TICK_MS));
      counters.rules = rules.size();
      if (unsent.length) { const rows = unsent; unsent = []; await publish(rows); }
      if (toMark.length) {
        const rows = toMark;
        toMark = [];
        await markPublished(db, rows).catch((e: Error) => { toMark.push(...rows); log(`marking statistics published failed, will retry: ${e.message}`); });
      }
      if (Date.now() - merchantsAt >= MERCHANTS_EVERY_MS) {
        merchantsAt = Date.now();
        await loadMerchants().catch((e: Error) => log(`reading merchants failed, keeping the last ones: ${e.message}`));
      }
    }
  })();

  return {
    consumer,
    counters,
    stop: async () => {
      stopping = true;
      await ticker;
      await consumer.disconnect();
      await Promise.allSettled([...locks.values()]);
      if (toMark.length) await markPublished(db, toMark).catch(() => {});
      await rules.stop();
      await pool.end();
    },
  };
}
