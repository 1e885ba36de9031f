import type { Tx } from '../../platform/db';
import type { EventType, SalesEvent } from '../../platform/events/catalog';
import type { BatchHandler } from '../../platform/kafka/run-consumer';
import { ALARMS_CHANNEL, alarmNotifyPayload } from './live';
import { consultationAlarmText, interestAlarmText, projectAlarmText, type AlarmText } from './texts';

/**
 * Alarm-worker handler for all eight events (seed 003, requirement 5):
 * project events reach every active salesman; interest and consultation
 * events only the salesman matched to them (an interest nobody was matched to
 * makes no alarm). A whole batch becomes one insert. The (eventId, salesmanId)
 * unique key backs up the consumer's own deduplication, so a replay never
 * doubles an alarm. The commit notifies the open feeds (./live.ts).
 */
interface Addressed {
  salesmanIds: string[];
  text: AlarmText;
  consultationId: string | null;
}

const PROJECT_EVENTS = new Set<EventType>(['ProjectCreated', 'ProjectEdited', 'ProjectStarted', 'ProjectEnded']);

/** Who gets an alarm for the event, and what it says. `everyone` is the active salesmen. */
export function addressAlarm(event: SalesEvent, everyone: string[]): Addressed {
  switch (event.type) {
    case 'ProjectCreated':
    case 'ProjectEdited':
    case 'ProjectStarted':
    case 'ProjectEnded':
      return { salesmanIds: everyone, text: projectAlarmText(event), consultationId: null };
    case 'InterestCreated':
    case 'InterestUpdated':
      return { salesmanIds: event.payload.salesmanId ? [event.payload.salesmanId] : [], text: interestAlarmText(event), consultationId: null };
    case 'ConsultationCreated':
    case 'ConsultationEdited':
      return { salesmanIds: [event.payload.salesmanId], text: consultationAlarmText(event), consultationId: event.payload.consultationId };
  }
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

export const alarmHandler: BatchHandler = {
  types: new Set<EventType>([...PROJECT_EVENTS, 'InterestCreated', 'InterestUpdated', 'ConsultationCreated', 'ConsultationEdited']),
  async handle(events, tx) {
    const everyone = events.some((e) => PROJECT_EVENTS.has(e.type)) ? await activeSalesmen(tx) : [];
    // The consumer hands over only the types above, all sales events.
    const data = (events as SalesEvent[]).flatMap((event) => {
      const { salesmanIds, text, consultationId } = addressAlarm(event, everyone);
      return salesmanIds.map((salesmanId) => ({
        salesmanId,
        eventId: event.eventId,
        eventType: event.type,
        title: text.title,
        body: text.body,
        consultationId,
        projectId: event.payload.projectId,
        correlationId: event.correlationId,
        occurredAt: new Date(event.occurredAt),
      }));
    });
    if (!data.length) return;
    await tx.alarm.createMany({ data, skipDuplicates: true });
    // Delivered on commit: open feeds refetch now instead of at their next poll.
    const payload = alarmNotifyPayload(data.map((a) => a.salesmanId));
    if (payload) await tx.$executeRaw`SELECT pg_notify(${ALARMS_CHANNEL}, ${payload})`;
  },
};
