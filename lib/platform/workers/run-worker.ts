import type { Consumer } from 'kafkajs';
import { createDb } from '../db';
import { TOPIC_PREFIX, type Topic } from '../events/topics';
import { createKafka } from '../kafka/client';
import { startConsumer, type BatchHandler, type Handlers } from '../kafka/run-consumer';
import { ConsumerHealth } from './consumer-health';
import { startHeartbeat } from './heartbeat';
import { workerLifecycle } from './lifecycle';

export interface WorkerSpec {
  /** Process name, also the consumer group id (with the topic prefix): replicas share the work. */
  name: string;
  topics: Topic[];
  handlers: Handlers | BatchHandler;
  /** See ConsumerOptions.dedupe. */
  dedupe?: 'processed-event' | 'natural-key';
}

/**
 * Boots a consuming worker: DB pool, dead-letter producer, consumer, heartbeat.
 * Prints "ready" once it has joined its group (the stack runner waits for that
 * line). A non-retriable Kafka error exits the process; the supervisor restarts it.
 */
export async function runWorker(spec: WorkerSpec): Promise<void> {
  const { name } = spec;
  const groupId = `${TOPIC_PREFIX}${name}`;
  const life = workerLifecycle(name);
  const db = createDb(undefined, 4);
  life.onShutdown(() => db.$disconnect());
  const health = new ConsumerHealth(groupId);
  const heartbeat = startHeartbeat({ db, worker: name, details: health.details });
  // Registered after the database, so it runs before it closes: the last beat says "stopped".
  life.onShutdown(() => heartbeat.stop());
  const kafka = createKafka(name);
  const producer = kafka.producer();
  await producer.connect();
  life.onShutdown(() => producer.disconnect());

  let announced = false;
  const beforeRun = (consumer: Consumer) => {
    health.track(consumer, heartbeat);
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      const parts = Object.entries(payload.memberAssignment).map(([t, p]) => `${t}[${p.join(',')}]`);
      if (!announced) console.log(`[${name}] ready, group ${payload.groupId}, assigned ${parts.join(' ') || 'nothing yet'}`);
      announced = true;
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) void life.shutdown(1, payload.error);
    });
  };
  const consumer = await startConsumer({ kafka, db, producer, groupId, topics: spec.topics, handlers: spec.handlers, dedupe: spec.dedupe, beforeRun, onProgress: health.onProgress });
  life.onShutdown(() => consumer.disconnect());
}
