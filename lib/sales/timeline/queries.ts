import { z } from 'zod';
import { db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { buildTimelineTree, type TimelineEvent, type TimelineNode } from './tree';

export interface Timeline {
  subjectId: string;
  /** Events in the chains of this subject (every correlation one of its events belongs to). */
  events: number;
  tree: TimelineNode[];
  /** The newest payload of the subject's own events, for the page title. */
  latest: { type: string; payload: unknown } | null;
  truncated: boolean;
}

const MAX_EVENTS = 500;

/**
 * The chain(s) of events of one consultation or project: every event that
 * shares a correlationId with one of the subject's own events, arranged by what
 * caused what, with the consumer groups that processed each one (ProcessedEvent).
 * Read from EventLog, which the projection worker fills from every topic.
 */
export async function getTimeline(opts: { subjectId: string }): Promise<Timeline> {
  const id = z.uuid().safeParse(opts.subjectId);
  if (!id.success) throw new AppError('NOT_FOUND', 'No such timeline.');
  const subjectId = id.data;

  const own = await db.eventLog.findMany({ where: { subjectId }, orderBy: { occurredAt: 'asc' }, select: { correlationId: true, type: true, payload: true } });
  if (own.length === 0) return { subjectId, events: 0, tree: [], latest: null, truncated: false };
  const correlationIds = [...new Set(own.map((e) => e.correlationId))];

  const rows = await db.eventLog.findMany({
    where: { OR: [{ correlationId: { in: correlationIds } }, { subjectId }] },
    orderBy: [{ occurredAt: 'asc' }, { eventId: 'asc' }],
    take: MAX_EVENTS + 1,
  });
  const shown = rows.slice(0, MAX_EVENTS);
  const processed = await db.processedEvent.findMany({
    where: { eventId: { in: shown.map((r) => r.eventId) } },
    orderBy: { processedAt: 'asc' },
  });
  const byEvent = new Map<string, { consumer: string; processedAt: string }[]>();
  for (const p of processed) {
    byEvent.set(p.eventId, [...(byEvent.get(p.eventId) ?? []), { consumer: p.consumer, processedAt: p.processedAt.toISOString() }]);
  }
  const events: TimelineEvent[] = shown.map((r) => ({
    eventId: r.eventId,
    type: r.type,
    correlationId: r.correlationId,
    causationId: r.causationId,
    subjectId: r.subjectId,
    occurredAt: r.occurredAt.toISOString(),
    payload: r.payload,
    processedBy: byEvent.get(r.eventId) ?? [],
  }));
  const last = own[own.length - 1]!;
  return { subjectId, events: events.length, tree: buildTimelineTree(events), latest: { type: last.type, payload: last.payload }, truncated: rows.length > MAX_EVENTS };
}
