import type { Consumer, Kafka, Producer } from 'kafkajs';
import { createDb, type Db } from '../db';
import { TOPIC_PREFIX } from '../events/topics';
import { createKafka } from '../kafka/client';
import { ConsumerHealth, type Progress } from './consumer-health';
import { startHeartbeat } from './heartbeat';
import { workerLifecycle, type Lifecycle } from './lifecycle';

/** What a stream worker's own loop gets: clients, its group, and the hooks that make it a well-behaved worker. */
export interface StreamWorkerContext {
  name: string;
  groupId: string;
  kafka: Kafka;
  db: Db;
  producer: Producer;
  life: Lifecycle;
  /** "[name] …" on stdout */
  log: (line: string) => void;
  onProgress: (p: Progress) => void;
  /** call with the consumer before it runs: health tracking, the "ready" line on the first join, exit on a fatal crash */
  beforeRun: (consumer: Consumer) => void;
  onFatal: (e: unknown) => void;
}

export interface StreamWorkerSpec {
  name: string;
  /** Prisma connections (default 2) */
  dbConnections?: number;
  /** appended to the "ready" line, e.g. "grace 1000 ms" */
  readyDetail?: string;
  /** more heartbeat details (settings the worker runs with) */
  details?: Record<string, unknown>;
  start(ctx: StreamWorkerContext): Promise<{ counters: Record<string, number>; stop(): Promise<void> }>;
}

/**
 * The life of a worker that runs its own consumer loop (the promotion attributor, the settlement worker, the
 * identity linker), written once: Prisma, a producer and the heartbeat with the consumer's health and the loop's
 * counters; "[name] ready, group …, assigned …" on the first group join (what `npm start` waits for); exit on a fatal
 * Kafka crash, which the supervisor restarts; everything closed in reverse order on SIGTERM.
 */
export async function runStreamWorker(spec: StreamWorkerSpec): Promise<void> {
  const { name } = spec;
  const life = workerLifecycle(name);
  const groupId = `${TOPIC_PREFIX}${name}`;
  const db = createDb(undefined, spec.dbConnections ?? 2);
  life.onShutdown(() => db.$disconnect());
  const health = new ConsumerHealth(groupId);
  let counters: Record<string, number> = {};
  const heartbeat = startHeartbeat({ db, worker: name, details: async () => ({ ...(await health.details()), ...counters, ...spec.details }) });
  life.onShutdown(() => heartbeat.stop());
  const kafka = createKafka(name);
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  life.onShutdown(() => producer.disconnect());

  let announced = false;
  const worker = await spec.start({
    name, groupId, kafka, db, producer, life,
    log: (l) => console.log(`[${name}] ${l}`),
    onProgress: health.onProgress,
    onFatal: (e) => void life.shutdown(1, e),
    beforeRun: (consumer) => {
      health.track(consumer, heartbeat);
      consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
        const parts = Object.entries(payload.memberAssignment).map(([t, p]) => `${t}[${p.join(',')}]`);
        if (!announced) console.log(`[${name}] ready, group ${payload.groupId}${spec.readyDetail ? `, ${spec.readyDetail}` : ''}, assigned ${parts.join(' ') || 'nothing yet'}`);
        announced = true;
      });
      consumer.on(consumer.events.CRASH, ({ payload }) => { if (!payload.restart) void life.shutdown(1, payload.error); });
    },
  });
  counters = worker.counters;
  life.onShutdown(() => worker.stop());
}
