import type { Consumer, Kafka, Producer } from 'kafkajs';
import type { Db, Tx } from '../db';
import { decodeEvent, type EventOf, type EventType } from '../events/catalog';
import type { Topic } from '../events/topics';
import { sendToDeadLetter } from './dead-letter';
import { poisonReason } from './poison';

export type Handlers = { [T in EventType]?: (event: EventOf<T>, tx: Tx) => Promise<void> };

export { PoisonMessageError } from './poison';

export interface ConsumerOptions {
  kafka: Kafka;
  db: Db;
  producer: Producer;
  groupId: string;
  topics: Topic[];
  handlers: Handlers;
  /** Called before the consumer starts, to attach event listeners (GROUP_JOIN, CRASH). */
  beforeRun?: (consumer: Consumer) => void;
  /** Called after each message's offset is resolved (for health reporting: offsets, lag). */
  onProgress?: (p: { topic: string; partition: number; offset: string; highWatermark: string }) => void;
}

/**
 * Consumes domain events exactly-once into PostgreSQL: each event's handler runs
 * in a transaction that also records (groupId, eventId) in ProcessedEvent; a
 * redelivered event finds its row and is skipped. The offset is resolved only
 * after that commit, so a crash replays rather than loses.
 */
export async function startConsumer(opts: ConsumerOptions): Promise<Consumer> {
  const { kafka, db, producer, groupId, topics, handlers, beforeRun, onProgress } = opts;
  // A short fetch wait keeps shutdown quick: disconnect() waits for the fetch in flight.
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, rebalanceTimeout: 20_000, heartbeatInterval: 2_000, maxWaitTimeInMs: 1_000 });
  await consumer.connect();
  for (const topic of topics) await consumer.subscribe({ topic, fromBeginning: true });
  beforeRun?.(consumer);

  await consumer.run({
    eachBatchAutoResolve: false,
    autoCommitInterval: 1_000,
    autoCommitThreshold: 100,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }) => {
      for (const message of batch.messages) {
        if (!isRunning() || isStale()) break;
        const src = { consumer: groupId, topic: batch.topic, partition: batch.partition, message };
        const decoded = decodeEvent(message.value);
        if (!decoded.ok) {
          await sendToDeadLetter(producer, src, decoded.reason);
        } else {
          const event = decoded.event;
          const handler = handlers[event.type] as ((e: typeof event, tx: Tx) => Promise<void>) | undefined;
          if (handler) {
            try {
              await db.$transaction(async (tx) => {
                const fresh = await tx.$executeRaw`INSERT INTO "ProcessedEvent" (consumer, "eventId")
                  VALUES (${groupId}, ${event.eventId}::uuid) ON CONFLICT DO NOTHING`;
                if (fresh === 1) await handler(event, tx);
              });
            } catch (e) {
              const reason = poisonReason(e);
              if (reason === null) throw e; // transient: kafkajs retries the batch
              await sendToDeadLetter(producer, src, reason);
            }
          }
        }
        resolveOffset(message.offset);
        onProgress?.({ topic: batch.topic, partition: batch.partition, offset: message.offset, highWatermark: batch.highWatermark });
        await commitOffsetsIfNecessary();
        await heartbeat();
      }
    },
  });
  return consumer;
}
