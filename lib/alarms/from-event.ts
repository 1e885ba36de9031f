import type { Tx } from '../db';
import type { DomainEvent } from '../events/catalog';
import type { Handlers } from '../kafka/run-consumer';
import { consultationAlarmText, interestAlarmText, projectAlarmText, type AlarmText } from './texts';

/**
 * Alarm-worker handlers for all eight events (seed 003, requirement 5):
 * project events reach every active salesman; interest and consultation
 * events only the salesman matched to them (an interest nobody was matched to
 * makes no alarm). The (eventId, salesmanId) unique key backs up the
 * consumer's own deduplication, so a replay never doubles an alarm.
 */
async function addAlarms(tx: Tx, event: DomainEvent, salesmanIds: string[], text: AlarmText, consultationId: string | null = null) {
  if (salesmanIds.length === 0) return;
  await tx.alarm.createMany({
    data: salesmanIds.map((salesmanId) => ({
      salesmanId,
      eventId: event.eventId,
      eventType: event.type,
      title: text.title,
      body: text.body,
      consultationId,
      projectId: event.payload.projectId,
      correlationId: event.correlationId,
      occurredAt: new Date(event.occurredAt),
    })),
    skipDuplicates: true,
  });
}

/**
 * Salesmen active when the event is processed. One who joins later does not
 * get the back catalogue: project alarms are news, and the projects page shows
 * every project anyway.
 */
async function activeSalesmen(tx: Tx): Promise<string[]> {
  const rows = await tx.salesman.findMany({ where: { active: true }, select: { id: true } });
  return rows.map((r) => r.id);
}

const toAll = async (e: Parameters<typeof projectAlarmText>[0], tx: Tx) => addAlarms(tx, e, await activeSalesmen(tx), projectAlarmText(e));

export const alarmHandlers: Handlers = {
  ProjectCreated: toAll,
  ProjectEdited: toAll,
  ProjectStarted: toAll,
  ProjectEnded: toAll,
  InterestCreated: (e, tx) => addAlarms(tx, e, e.payload.salesmanId ? [e.payload.salesmanId] : [], interestAlarmText(e)),
  InterestUpdated: (e, tx) => addAlarms(tx, e, e.payload.salesmanId ? [e.payload.salesmanId] : [], interestAlarmText(e)),
  ConsultationCreated: (e, tx) => addAlarms(tx, e, [e.payload.salesmanId], consultationAlarmText(e), e.payload.consultationId),
  ConsultationEdited: (e, tx) => addAlarms(tx, e, [e.payload.salesmanId], consultationAlarmText(e), e.payload.consultationId),
};
