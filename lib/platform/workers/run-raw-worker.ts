import type { KafkaMessage } from 'kafkajs';
import { createDb, type Db } from '../db';
import { TOPIC_PREFIX, type Topic } from '../events/topics';
import { createKafka } from '../kafka/client';
import { ConsumerHealth } from './consumer-health';
import { startHeartbeat } from './heartbeat';
import { workerLifecycle } from './lifecycle';

export interface RawWorkerSpec {
  name: string;
  topics: Topic[];
  /** Must be idempotent: a message is redelivered if the process dies before its offset is committed. */
  onMessage: (src: { topic: string; partition: number; message: KafkaMessage }, db: Db) => Promise<void>;
}

/**
 * A worker that reads messages as they are, without decoding them as domain
 * events (the dead-letter topic holds exactly the messages that do not decode).
 * Same life cycle as runWorker: "ready" on joining the group, heartbeat, offsets
 * committed only after the message was handled, exit on a fatal Kafka error.
 */
export async function runRawWorker(spec: RawWorkerSpec): Promise<void> {
  const { name } = spec;
  const groupId = `${TOPIC_PREFIX}${name}`;
  const life = workerLifecycle(name);
  const db = createDb(undefined, 2);
  life.onShutdown(() => db.$disconnect());
  const health = new ConsumerHealth(groupId);
  const heartbeat = startHeartbeat({ db, worker: name, details: health.details });
  life.onShutdown(() => heartbeat.stop());

  const consumer = createKafka(name).consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 2_000, maxWaitTimeInMs: 1_000 });
  await consumer.connect();
  life.onShutdown(() => consumer.disconnect());
  for (const topic of spec.topics) await consumer.subscribe({ topic, fromBeginning: true });
  health.track(consumer, heartbeat);
  let announced = false;
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    if (!announced) console.log(`[${name}] ready, group ${payload.groupId}`);
    announced = true;
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (!payload.restart) void life.shutdown(1, payload.error);
  });

  await consumer.run({
    eachBatchAutoResolve: false,
    autoCommitInterval: 1_000,
    autoCommitThreshold: 100,
    eachBatch: async ({ batch, resolveOffset, heartbeat: kafkaBeat, isRunning, isStale, commitOffsetsIfNecessary }) => {
      for (const message of batch.messages) {
        if (!isRunning() || isStale()) break;
        // A failure here (database down) throws: kafkajs retries the batch from the first unresolved message.
        await spec.onMessage({ topic: batch.topic, partition: batch.partition, message }, db);
        resolveOffset(message.offset);
        health.onProgress({ topic: batch.topic, partition: batch.partition, offset: message.offset, highWatermark: batch.highWatermark });
        await commitOffsetsIfNecessary();
        await kafkaBeat();
      }
    },
  });
}
