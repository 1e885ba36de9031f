import type { Tx } from '../db';
import { EVENT_DEFINITIONS, type DomainEvent } from '../events/catalog';
import type { BatchHandler } from '../kafka/run-consumer';
import { subjectOf } from '../timeline/subject';

const topicOf = new Map<string, string>(EVENT_DEFINITIONS.map((d) => [d.type, d.topic]));

/**
 * EventLog: every domain event with its correlation and causation ids, for the
 * timeline pages. The payload is kept as published, so the page can say what
 * changed without reading the source tables. A batch is one insert.
 */
export const eventLogHandler: BatchHandler = {
  types: new Set(EVENT_DEFINITIONS.map((d) => d.type)),
  async handle(events: DomainEvent[], tx: Tx) {
    await tx.eventLog.createMany({
      data: events.map((event) => ({
        eventId: event.eventId,
        type: event.type,
        topic: topicOf.get(event.type) ?? 'unknown',
        correlationId: event.correlationId,
        causationId: event.causationId,
        subjectId: subjectOf(event).id,
        occurredAt: new Date(event.occurredAt),
        payload: event.payload as object,
      })),
      // The relay may publish an event twice; ProcessedEvent already skips that, this is a second belt.
      skipDuplicates: true,
    });
  },
};
