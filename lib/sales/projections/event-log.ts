import type { Tx } from '../../platform/db';
import { EVENT_DEFINITIONS, SALES_EVENT_TYPES, type DomainEvent, type SalesEvent } from '../../platform/events/catalog';
import type { BatchHandler } from '../../platform/kafka/run-consumer';
import { subjectOf } from '../timeline/subject';

const topicOf = new Map<string, string>(EVENT_DEFINITIONS.map((d) => [d.type, d.topic]));

/**
 * EventLog: every domain event with its correlation and causation ids, for the
 * timeline pages. The payload is kept as published, so the page can say what
 * changed without reading the source tables. A batch is one insert.
 */
export const eventLogHandler: BatchHandler = {
  types: SALES_EVENT_TYPES,
  async handle(events: DomainEvent[], tx: Tx) {
    await tx.eventLog.createMany({
      data: (events as SalesEvent[]).map((event) => ({
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
