import type { Tx } from '../db';
import type { EventOf } from '../events/catalog';
import type { Handlers } from '../kafka/run-consumer';
import { STEP_LABEL } from '../consultations/transitions';

/**
 * Alarm-worker handlers: each consultation event becomes one alarm for the
 * matched salesman. The (eventId, salesmanId) unique key backs up the
 * consumer's own deduplication.
 */
async function addAlarm(
  tx: Tx,
  event: EventOf<'ConsultationCreated'> | EventOf<'ConsultationEdited'>,
  title: string,
  body: string,
): Promise<void> {
  await tx.alarm.createMany({
    data: [
      {
        salesmanId: event.payload.salesmanId,
        eventId: event.eventId,
        eventType: event.type,
        title,
        body,
        consultationId: event.payload.consultationId,
        projectId: event.payload.projectId,
        correlationId: event.correlationId,
        occurredAt: new Date(event.occurredAt),
      },
    ],
    skipDuplicates: true,
  });
}

export const alarmHandlers: Handlers = {
  ConsultationCreated: (e, tx) =>
    addAlarm(tx, e, `New consultation request · ${e.payload.projectName}`, `${e.payload.contactName} (${e.payload.company}, ${e.payload.region}) asks for a consultation.`),
  ConsultationEdited: (e, tx) =>
    addAlarm(
      tx,
      e,
      `Consultation ${STEP_LABEL[e.payload.step].toLowerCase()} · ${e.payload.projectName}`,
      `${e.payload.contactName}: ${STEP_LABEL[e.payload.previousStep]} → ${STEP_LABEL[e.payload.step]} (by ${e.payload.editedBy}).`,
    ),
};
