import type { Tx } from '../db';
import { EVENT_DEFINITIONS, type DomainEvent } from '../events/catalog';
import type { Handlers } from '../kafka/run-consumer';
import { subjectOf } from '../timeline/subject';

const topicOf = new Map<string, string>(EVENT_DEFINITIONS.map((d) => [d.type, d.topic]));

/**
 * EventLog: every domain event with its correlation and causation ids, for the
 * timeline pages. The payload is kept as published, so the page can say what
 * changed without reading the source tables.
 */
async function record(event: DomainEvent, tx: Tx): Promise<void> {
  await tx.eventLog.createMany({
    data: [
      {
        eventId: event.eventId,
        type: event.type,
        topic: topicOf.get(event.type) ?? 'unknown',
        correlationId: event.correlationId,
        causationId: event.causationId,
        subjectId: subjectOf(event).id,
        occurredAt: new Date(event.occurredAt),
        payload: event.payload as object,
      },
    ],
    // The relay may publish an event twice; ProcessedEvent already skips that, this is a second belt.
    skipDuplicates: true,
  });
}

export const eventLogHandlers: Handlers = {
  ProjectCreated: record,
  ProjectEdited: record,
  ProjectStarted: record,
  ProjectEnded: record,
  InterestCreated: record,
  InterestUpdated: record,
  ConsultationCreated: record,
  ConsultationEdited: record,
};
