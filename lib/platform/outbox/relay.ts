import type { Producer } from 'kafkajs';
import type { Db } from '../db';
import { deadLetterValue } from '../dead-letters/from-message';
import { recordDeadLetter } from '../dead-letters/record';

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
  /** Told of each event Kafka refused for good (see `refusedForGood`), after it was parked. */
  onParked?: (event: { id: bigint; eventId: string; topic: string; type: string; reason: string }) => void;
}

/**
 * Kafka's answers that concern the records themselves: sending them again can never
 * succeed (a record or batch over the topic's max.message.bytes, an invalid record).
 * Everything else (broker down, leader moving, missing topic, authorisation) may
 * pass, so the relay keeps retrying and the events keep their order.
 */
const REFUSED_FOR_GOOD = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD', 'INVALID_TIMESTAMP']);

/** The Kafka error type when `e` (or what it wraps) is a refusal of the records that no retry will change, else null. */
export function refusedForGood(e: unknown): string | null {
  for (let err = e as { type?: unknown; cause?: unknown; originalError?: unknown } | undefined, depth = 0; err && depth < 5; depth++) {
    if (typeof err.type === 'string' && REFUSED_FOR_GOOD.has(err.type)) return err.type;
    err = (err.cause ?? err.originalError) as typeof err;
  }
  return null;
}

const toTopicMessages = (rows: OutboxRow[]) => {
  const byTopic = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const list = byTopic.get(row.topic);
    if (list) list.push(row);
    else byTopic.set(row.topic, [row]);
  }
  return [...byTopic].map(([topic, list]) => ({
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
  }));
};

/**
 * Publishes one batch of unsent outbox rows (oldest first) and marks them sent.
 * Rows are locked for the duration so a second relay skips them. If the process
 * dies after the send but before the commit, the rows stay unsent and are
 * published again: at-least-once, which consumers absorb by deduplicating on eventId.
 *
 * When Kafka refuses the batch for good (`refusedForGood`), the rows go one by one:
 * a batch over the size limit is published in pieces, and an event refused on its
 * own is parked (kept, never sent again, `lastError` says why) and recorded as a dead
 * letter for staff, instead of stalling every event after it. An event of the same
 * key published after a parked one arrives without it; consumers see the gap only
 * as a missing event, which the dead-letter page names.
 * Returns the number of rows taken off the queue (published or parked).
 */
export async function relayBatch({ db, producer, limit = 500, afterPublish, onParked }: RelayOptions): Promise<number> {
  const parkedNow: { row: OutboxRow; reason: string }[] = [];
  const handled = await db.$transaction(
    async (tx) => {
      parkedNow.length = 0;
      const rows = await tx.$queryRaw<OutboxRow[]>`
        SELECT id, "eventId", topic, key, type, envelope FROM "OutboxEvent"
        WHERE "publishedAt" IS NULL AND "parkedAt" IS NULL ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return 0;

      try {
        await producer.sendBatch({ acks: -1, topicMessages: toTopicMessages(rows) });
      } catch (e) {
        if (!refusedForGood(e)) throw e;
        for (const row of rows) {
          try {
            await producer.sendBatch({ acks: -1, topicMessages: toTopicMessages([row]) });
          } catch (one) {
            const type = refusedForGood(one);
            if (!type) throw one; // the rows sent so far go again next time: at-least-once, as above
            parkedNow.push({ row, reason: `Kafka refused the event (${type}): ${(one as Error).message}`.slice(0, 2000) });
          }
        }
      }
      await afterPublish?.();
      const parkedIds = new Set(parkedNow.map((p) => p.row.id));
      const published = rows.filter((r) => !parkedIds.has(r.id)).map((r) => r.id);
      if (published.length) {
        await tx.$executeRaw`UPDATE "OutboxEvent" SET "publishedAt" = now(), attempts = attempts + 1
          WHERE id = ANY(${published}::bigint[])`;
      }
      for (const { row, reason } of parkedNow) {
        await tx.$executeRaw`UPDATE "OutboxEvent" SET "parkedAt" = now(), attempts = attempts + 1, "lastError" = ${reason}
          WHERE id = ${row.id}`;
        // the outbox row keeps the whole event (it may be parked for its size)
        await recordDeadLetter(tx, {
          sourceTopic: row.topic, consumer: 'platform-outbox-relay', partition: -1, offset: `outbox ${row.id}`, reason,
          value: deadLetterValue(row.type === 'tombstone' ? null : JSON.stringify(row.envelope), `OutboxEvent ${row.id}`),
        });
      }
      return rows.length;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  for (const { row, reason } of parkedNow) onParked?.({ id: row.id, eventId: row.eventId, topic: row.topic, type: row.type, reason });
  return handled;
}

/** Number of events still waiting to be published (for health and tests). */
export async function pendingOutboxCount(db: Db): Promise<number> {
  return db.outboxEvent.count({ where: { publishedAt: null, parkedAt: null } });
}

/** Number of events Kafka refused for good, parked and recorded as dead letters (for health). */
export async function parkedOutboxCount(db: Db): Promise<number> {
  return db.outboxEvent.count({ where: { parkedAt: { not: null } } });
}
