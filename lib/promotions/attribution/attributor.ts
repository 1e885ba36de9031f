/**
 * The promotion attributor (workers/promotions-attributor.ts): consumes `purchase` and `promo_behavior`, decides each
 * purchase (WindowState, in event time), and publishes purchase.attributed and `promotion`.
 *
 * Exactly once, by PostgreSQL: the decisions, the waiting purchases and each input's position are written in one
 * statement per step (store.ts), and on every assignment the consumer is moved (seek) to the positions stored
 * there, not to Kafka's committed offsets. The behaviours of the last window are read again from Kafka to rebuild
 * the state (they are not stored: views are most of the traffic). Why not Kafka transactions: kafkajs 2.2.4 lacks
 * KIP-447 fencing and its transactional consumer-producer has open issues, and the state would still need a home.
 * The behaviours are not stored: the cursor keeps the offset of the oldest one the window still holds, and a
 * restart reads them again from there (without counting them twice).
 *
 * Partition i of both topics goes to the same replica (CoPartitionAssigner); the attributor refuses to start when
 * the two topics' partition counts differ.
 */
import type { Admin, Consumer, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { Db } from '../../platform/db';
import { TOPICS } from '../../platform/events/topics';
import { sendToDeadLetter } from '../../platform/kafka/dead-letter';
import { canonicalBehaviour, canonicalPurchase } from '../intake/canonical';
import { standardisePromoBehavior, standardisePurchase } from '../intake/contracts';
import { CoPartitionAssigner } from './co-partition-assigner';
import { outputMessages } from './outputs';
import { PartitionTask, type Input, type Item, type Step } from './partition-task';
import { heldPurchase, loadPartition, markPublished, saveStep, unpublished } from './store';

export interface AttributorOptions {
  kafka: Kafka;
  db: Db;
  producer: Producer;
  groupId: string;
  /** ATTRIBUTION_GRACE_MS */
  graceMs?: number;
  log?: (line: string) => void;
  onProgress?: (p: { topic: string; partition: number; offset: string; highWatermark: string }) => void;
  beforeRun?: (consumer: Consumer) => void;
  /** A step could not be written: the task's memory is ahead of PostgreSQL, so the process must restart from the store. */
  onFatal: (e: Error) => void;
}

export interface Attributor {
  consumer: Consumer;
  counters: { purchases: number; behaviours: number; decisions: number; affected: number; deadLettered: number; published: number };
  stop(): Promise<void>;
}

/** A buffered input this far ahead of the other is paused until the other catches up. */
const MAX_BUFFERED = 50_000;
const TICK_MS = 50;

/** Fails with a clear message when purchase and promo_behavior cannot be joined partition by partition. */
export async function checkCoPartitioned(admin: Admin): Promise<number> {
  const { topics } = await admin.fetchTopicMetadata({ topics: [TOPICS.purchase, TOPICS.promoBehavior] });
  const count = (name: string) => topics.find((t) => t.name === name)?.partitions.length ?? 0;
  const [p, b] = [count(TOPICS.purchase), count(TOPICS.promoBehavior)];
  if (!p || p !== b) {
    throw new Error(`${TOPICS.purchase} has ${p} partitions and ${TOPICS.promoBehavior} has ${b}: the attributor joins them partition by partition, ` +
      'so both must exist with the same partition count (and be keyed by user id with the same partitioner). Recreate one of them.');
  }
  return p;
}

export async function startAttributor(o: AttributorOptions): Promise<Attributor> {
  const { kafka, db, producer, groupId } = o;
  const graceMs = o.graceMs ?? 1000;
  const log = o.log ?? ((l: string) => console.log(l));
  // One admin client for the attributor's life: the check below, and the offsets every assignment reads.
  const admin = kafka.admin();
  await admin.connect();
  try {
    await checkCoPartitioned(admin);
  } catch (e) {
    await admin.disconnect();
    throw e;
  }
  const counters = { purchases: 0, behaviours: 0, decisions: 0, affected: 0, deadLettered: 0, published: 0 };
  const tasks = new Map<number, PartitionTask>();
  const locks = new Map<number, Promise<unknown>>();
  const topicOf: Record<Input, string> = { purchase: TOPICS.purchase, behaviour: TOPICS.promoBehavior };
  const paused = new Set<string>();

  /** One step of a partition at a time: the task's state and its row in PostgreSQL move together. */
  const serial = <T>(partition: number, fn: () => Promise<T>): Promise<T> => {
    const run = (locks.get(partition) ?? Promise.resolve()).then(fn, fn);
    locks.set(partition, run.catch(() => {}));
    return run;
  };

  // Marked published in one UPDATE per tick, off the partitions' path: a crash before it sends them again (same eventIds).
  let toMark: string[] = [];
  // Decisions committed but not yet taken by Kafka (it was down): sent again every tick, in order, before newer ones.
  let unsent: Awaited<ReturnType<typeof saveStep>> = [];
  const publish = async (records: Awaited<ReturnType<typeof saveStep>>) => {
    if (!records.length) return;
    if (unsent.length) { unsent.push(...records); return; }
    try {
      await producer.sendBatch({ topicMessages: outputMessages(records), acks: -1 });
    } catch (e) {
      unsent.push(...records);
      log(`publishing ${records.length} decisions failed, will retry: ${(e as Error).message}`);
      return;
    }
    toMark.push(...records.map((r) => r.purchaseId));
    counters.published += records.length;
  };
  const flushUnsent = async () => {
    if (!unsent.length) return;
    const records = unsent;
    unsent = [];
    await publish(records);
  };
  const flushMarks = async () => {
    if (!toMark.length) return;
    const ids = toMark;
    toMark = [];
    await markPublished(db, ids).catch((e: Error) => { toMark.push(...ids); log(`marking decisions published failed, will retry: ${e.message}`); });
  };

  const persist = async (partition: number, step: Step) => {
    if (!step.records && !step.decisions.length) return;
    let inserted;
    try {
      inserted = await saveStep(db, TOPICS.purchase, partition, step);
    } catch (e) {
      tasks.delete(partition);
      o.onFatal(e as Error);
      throw e;
    }
    counters.decisions += inserted.length;
    counters.affected += inserted.filter((r) => r.promotion_affect === 1).length;
    await publish(inserted);
  };

  // A killed member stays in the group until its session times out, and the group waits for it before dealing its
  // partitions again: 6 s (the broker's minimum) lets a restarted attributor work again within 10 s.
  const consumer = kafka.consumer({ groupId, partitionAssigners: [CoPartitionAssigner], sessionTimeout: 6_000, rebalanceTimeout: 20_000,
    heartbeatInterval: 1_500, minBytes: 1, maxWaitTimeInMs: 50 });
  await consumer.connect();
  await consumer.subscribe({ topics: [TOPICS.purchase, TOPICS.promoBehavior], fromBeginning: true });
  o.beforeRun?.(consumer);

  /**
   * On every (re)assignment: a partition new to this process is loaded from PostgreSQL (cursor and waiting
   * purchases; behaviours from one window before its stream time, read again), its unpublished decisions are sent,
   * and both inputs are moved to where the task reads next.
   */
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    const assigned = new Set<number>(payload.memberAssignment[TOPICS.purchase] ?? []);
    for (const p of [...tasks.keys()]) if (!assigned.has(p)) tasks.delete(p);
    for (const partition of assigned) {
      void serial(partition, async () => {
        let task = tasks.get(partition);
        if (!task) {
          const restored = await loadPartition(db, TOPICS.purchase, partition);
          // Records that retention removed while the attributor was away are gone: start at what is left.
          const offsets = async (topic: string) => (await admin.fetchTopicOffsets(topic)).find((f) => f.partition === partition);
          const [offP, offB] = [await offsets(TOPICS.purchase), await offsets(TOPICS.promoBehavior)];
          const [lowP, lowB] = [BigInt(offP?.low ?? '0'), BigInt(offB?.low ?? '0')];
          const high = { purchase: BigInt(offP?.high ?? '0'), behaviour: BigInt(offB?.high ?? '0') };
          const c = restored.cursor ?? { purchaseOffset: 0n, behaviorOffset: 0n, behaviorReplayOffset: 0n, streamTime: null };
          if (restored.cursor && (c.purchaseOffset < lowP || c.behaviorOffset < lowB)) log(`partition ${partition}: records before offsets ${lowP}/${lowB} were removed by retention before they were read`);
          const cursor = { ...c, purchaseOffset: c.purchaseOffset < lowP ? lowP : c.purchaseOffset, behaviorOffset: c.behaviorOffset < lowB ? lowB : c.behaviorOffset };
          // the behaviours the window held are read again (not counted again) to rebuild it
          const replayFrom = cursor.behaviorReplayOffset < lowB ? lowB : cursor.behaviorReplayOffset;
          // an input already at its end holds the other back only briefly; one with records to read, until they come
          task = new PartitionTask(partition, graceMs, cursor, restored.waiting, replayFrom,
            { purchase: cursor.purchaseOffset >= high.purchase, behaviour: replayFrom >= high.behaviour });
          tasks.set(partition, task);
          await publish(await unpublished(db, TOPICS.purchase, partition));
          log(`partition ${partition}: from purchase ${cursor.purchaseOffset}, behaviour ${cursor.behaviorOffset} (reading again from ${replayFrom}), ${restored.waiting.length} waiting`);
        }
        for (const input of ['purchase', 'behaviour'] as const) {
          consumer.seek({ topic: topicOf[input], partition, offset: String(task.position(input)) });
        }
      }).catch((e: Error) => log(`partition ${partition}: could not be loaded: ${e.message}`));
    }
  });

  const decode = async (input: Input, partition: number, m: KafkaMessage): Promise<Item> => {
    const offset = BigInt(m.offset);
    const ts = Number(m.timestamp);
    let raw: unknown;
    try { raw = JSON.parse(m.value?.toString() ?? ''); } catch { raw = undefined; }
    // records already in the standard form skip the schemas (canonical.ts); the schemas decide everything else
    const fast = raw === undefined ? null : input === 'purchase' ? canonicalPurchase(raw) : canonicalBehaviour(raw);
    const r = fast ? { ok: true as const, value: fast }
      : raw === undefined ? { ok: false as const, reason: 'not JSON' } : input === 'purchase' ? standardisePurchase(raw) : standardisePromoBehavior(raw);
    if (!r.ok) {
      counters.deadLettered++;
      await sendToDeadLetter(producer, { consumer: groupId, topic: topicOf[input], partition, message: m }, r.reason);
      return { input, offset, ts, bad: true };
    }
    if (input === 'purchase') {
      counters.purchases++;
      return { input, offset, ts, purchase: heldPurchase(r.value as Parameters<typeof heldPurchase>[0]) };
    }
    counters.behaviours++;
    const b = r.value as { eventId: string; userId: string; promotionId: string; action: 'view' | 'click'; occurredAt: string };
    return { input, offset, ts, behaviour: { eventId: b.eventId, userId: b.userId, promotionId: b.promotionId, action: b.action, at: Date.parse(b.occurredAt) } };
  };

  const flow = (partition: number, task: PartitionTask) => {
    // keep one input from running far ahead of the other while it waits for the merge
    for (const input of ['purchase', 'behaviour'] as const) {
      const key = `${input}:${partition}`;
      const tp = [{ topic: topicOf[input], partitions: [partition] }];
      if (task.buffered(input) > MAX_BUFFERED && !paused.has(key)) { paused.add(key); consumer.pause(tp); }
      else if (task.buffered(input) <= MAX_BUFFERED / 2 && paused.has(key)) { paused.delete(key); consumer.resume(tp); }
    }
  };

  await consumer.run({
    partitionsConsumedConcurrently: 12,
    eachBatchAutoResolve: false,
    autoCommitInterval: 1_000,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
      const input: Input = batch.topic === TOPICS.purchase ? 'purchase' : 'behaviour';
      const { partition } = batch;
      if (!batch.messages.length || !isRunning() || isStale()) return;
      const items: Item[] = [];
      for (const m of batch.messages) items.push(await decode(input, partition, m));
      const last = batch.messages.at(-1)!;
      await serial(partition, async () => {
        const task = tasks.get(partition);
        if (!task) return; // not ours (any more): the next assignment reads it from the store's position
        if (!task.offer(input, items, BigInt(last.offset) + 1n >= BigInt(batch.highWatermark), Date.now())) return;
        await persist(partition, task.drain(Date.now()));
        flow(partition, task);
      });
      // Kafka's offsets only inform tools (lag); the store's cursor is where a restart resumes.
      resolveOffset(last.offset);
      o.onProgress?.({ topic: batch.topic, partition, offset: last.offset, highWatermark: batch.highWatermark });
      await heartbeat();
    },
  });

  // The wall clock: drains what an idle input held back, and decides the waiting purchases of a quiet partition.
  let stopping = false;
  const ticker = (async () => {
    while (!stopping) {
      await new Promise((r) => setTimeout(r, TICK_MS));
      await flushUnsent();
      await flushMarks();
      for (const [partition, task] of tasks) {
        await serial(partition, async () => {
          if (tasks.get(partition) !== task) return;
          await persist(partition, task.drain(Date.now()));
          await persist(partition, task.tick(Date.now()));
          flow(partition, task);
        }).catch((e: Error) => log(`partition ${partition}: tick failed, will retry: ${e.message}`));
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
      await flushMarks();
      await admin.disconnect();
    },
  };
}
