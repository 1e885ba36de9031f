import type { Producer } from 'kafkajs';
import type { Db } from '../db';

interface OutboxRow {
  id: bigint;
  eventId: string;
  topic: string;
  key: string;
  type: string;
  envelope: { correlationId: string; version: number };
}

export interface RelayOptions {
  db: Db;
  producer: Producer;
  limit?: number;
  /** Test hook: runs after Kafka acknowledged the batch, before rows are marked sent. */
  afterPublish?: () => Promise<void>;
}

/**
 * Publishes one batch of unsent outbox rows (oldest first) and marks them sent.
 * Rows are locked for the duration so a second relay skips them. If the process
 * dies after the send but before the commit, the rows stay unsent and are
 * published again: at-least-once, which consumers absorb by deduplicating on eventId.
 * Returns the number of rows published.
 */
export async function relayBatch({ db, producer, limit = 500, afterPublish }: RelayOptions): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<OutboxRow[]>`
        SELECT id, "eventId", topic, key, type, envelope FROM "OutboxEvent"
        WHERE "publishedAt" IS NULL ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return 0;

      const byTopic = new Map<string, OutboxRow[]>();
      for (const row of rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, list]) => ({
          topic,
          messages: list.map((r) => ({
            key: r.key,
            // a tombstone (compacted topics: the key is gone) has no value
            value: r.type === 'tombstone' ? null : JSON.stringify(r.envelope),
            headers: {
              'event-id': r.eventId,
              'event-type': r.type,
              'event-version': String(r.envelope.version),
              'correlation-id': r.envelope.correlationId,
            },
          })),
        })),
      });
      await afterPublish?.();
      await tx.$executeRaw`UPDATE "OutboxEvent" SET "publishedAt" = now(), attempts = attempts + 1
        WHERE id = ANY(${rows.map((r) => r.id)}::bigint[])`;
      return rows.length;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** Number of events still waiting to be published (for health and tests). */
export async function pendingOutboxCount(db: Db): Promise<number> {
  return db.outboxEvent.count({ where: { publishedAt: null } });
}
