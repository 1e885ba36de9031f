import type { Consumer, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { Db } from '../db';
import { decodeEvent, type DomainEvent } from '../events/catalog';
import type { Topic } from '../events/topics';
import { eachEvent, type BatchHandler, type Handlers } from './batch-handler';
import { sendToDeadLetter } from './dead-letter';
import { groupCommit } from './group-commit';
import { poisonReason } from './poison';

export type { BatchHandler, Handlers } from './batch-handler';
export { PoisonMessageError } from './poison';

export interface ConsumerOptions {
  kafka: Kafka;
  db: Db;
  producer: Producer;
  groupId: string;
  topics: Topic[];
  /** Per-event handlers, or a BatchHandler that takes a whole batch at once. */
  handlers: Handlers | BatchHandler;
  /**
   * 'processed-event' (default): each (group, eventId) is recorded in ProcessedEvent in the handler's
   * transaction, and a redelivered event is skipped. 'natural-key': the handler itself is idempotent
   * (it upserts by the record's own id and counts only rows it inserted), so the extra row per event
   * is saved: the commerce sinks write thousands of records a second.
   */
  dedupe?: 'processed-event' | 'natural-key';
  /** Called before the consumer starts, to attach event listeners (GROUP_JOIN, CRASH). */
  beforeRun?: (consumer: Consumer) => void;
  /** Called after each batch's offsets are resolved (for health reporting: offsets, lag). */
  onProgress?: (p: { topic: string; partition: number; offset: string; highWatermark: string }) => void;
}

/**
 * The broker answers a fetch once FETCH.minBytes have gathered or after
 * maxWaitTimeInMs. Answering at the first byte (Kafka's default) would hand
 * over one event per fetch under load, and each fetch and transaction costs
 * more CPU than the event itself; waiting up to 100 ms for ~20 events lets a
 * batch share that cost, for at most 100 ms of extra latency when it is quiet.
 * The short wait also keeps shutdown quick: disconnect() waits for the fetch in flight.
 */
const FETCH = { minBytes: 16 * 1024, maxWaitTimeInMs: 100 };

/** Events applied in one transaction at most: bounds the transaction's length and the memory a batch holds. */
const MAX_EVENTS_PER_TRANSACTION = 500;

interface Item {
  event: DomainEvent;
  message: KafkaMessage;
}

/**
 * Consumes domain events exactly-once into PostgreSQL. The fresh events of the
 * Kafka batches in hand (one per partition) are applied in one transaction that also records each
 * (groupId, eventId) in ProcessedEvent; a redelivered event finds its row and is
 * skipped. Offsets are resolved only after that commit, so a crash replays
 * rather than loses. One transaction per fetch instead of per event is what
 * lets the workers keep up at hundreds of events per second: under load the
 * batches grow, and the per-commit cost is shared.
 *
 * A message that cannot be decoded, and an event that can never be written
 * (poisonReason), goes to the dead-letter topic and the consumer carries on;
 * when a batch fails that way its events are retried one by one, so only the
 * bad one is parked.
 */
export async function startConsumer(opts: ConsumerOptions): Promise<Consumer> {
  const { kafka, db, producer, groupId, topics, beforeRun, onProgress } = opts;
  const handler: BatchHandler = 'handle' in opts.handlers ? (opts.handlers as BatchHandler) : eachEvent(opts.handlers as Handlers);
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10_000, rebalanceTimeout: 20_000, heartbeatInterval: 2_000, ...FETCH });
  await consumer.connect();
  for (const topic of topics) await consumer.subscribe({ topic, fromBeginning: true });
  beforeRun?.(consumer);

  const applyInTransaction = (events: DomainEvent[]) =>
    db.$transaction(
      async (tx) => {
        if (opts.dedupe === 'natural-key') {
          await handler.handle(events, tx);
          return;
        }
        const rows = await tx.$queryRaw<{ eventId: string }[]>`
          INSERT INTO "ProcessedEvent" (consumer, "eventId")
          SELECT ${groupId}, id FROM unnest(${events.map((e) => e.eventId)}::uuid[]) AS id
          ON CONFLICT DO NOTHING RETURNING "eventId"`;
        const fresh = new Set(rows.map((r) => r.eventId));
        // A relay retry can put two copies of one event in a batch: the first copy wins.
        const todo = events.filter((e) => fresh.delete(e.eventId));
        if (todo.length) await handler.handle(todo, tx);
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  // Partitions are consumed concurrently and their batches share one transaction (group commit).
  const applyTogether = groupCommit(applyInTransaction);

  await consumer.run({
    partitionsConsumedConcurrently: 16,
    eachBatchAutoResolve: false,
    autoCommitInterval: 1_000,
    autoCommitThreshold: 500,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }) => {
      const source = (message: KafkaMessage) => ({ consumer: groupId, topic: batch.topic, partition: batch.partition, message });
      const park = async (item: Item, reason: string) => sendToDeadLetter(producer, source(item.message), reason);

      for (let start = 0; start < batch.messages.length; start += MAX_EVENTS_PER_TRANSACTION) {
        if (!isRunning() || isStale()) break;
        const chunk = batch.messages.slice(start, start + MAX_EVENTS_PER_TRANSACTION);
        const items: Item[] = [];
        for (const message of chunk) {
          const decoded = decodeEvent(message.value);
          if (!decoded.ok) await sendToDeadLetter(producer, source(message), decoded.reason);
          else if (handler.types.has(decoded.event.type)) items.push({ event: decoded.event, message });
        }
        if (items.length) {
          try {
            await applyTogether(items.map((i) => i.event));
          } catch (e) {
            const reason = poisonReason(e);
            if (reason === null) throw e; // transient: kafkajs retries the batch from the last resolved offset
            // Some event in the group can never be written: this batch's events one at a time, so only
            // that one is parked (other partitions' batches of the group do the same with theirs).
            for (const item of items) {
              try {
                await applyInTransaction([item.event]);
              } catch (e2) {
                const reason2 = poisonReason(e2);
                if (reason2 === null) throw e2;
                await park(item, reason2);
              }
            }
          }
        }
        const last = chunk.at(-1)!;
        resolveOffset(last.offset);
        onProgress?.({ topic: batch.topic, partition: batch.partition, offset: last.offset, highWatermark: batch.highWatermark });
        await commitOffsetsIfNecessary();
        await heartbeat();
      }
    },
  });
  return consumer;
}
