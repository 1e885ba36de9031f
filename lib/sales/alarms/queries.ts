import { db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { Viewer } from '../../platform/session/viewer';
import { fieldErrorsOf } from '../../platform/validation';
import { alarmPageSchema } from './schemas';

export interface AlarmRow {
  id: string;
  eventType: string;
  title: string;
  body: string;
  consultationId: string | null;
  projectId: string | null;
  occurredAt: string;
  read: boolean;
}

export interface AlarmPage {
  alarms: AlarmRow[];
  /** All of the salesman's unread alarms, not only this page's. */
  unread: number;
  /** Pass as `cursor` for the next (older) page; null at the end. */
  nextCursor: string | null;
}

export interface ListAlarmsOptions {
  viewer: Viewer;
  /** { cursor?, limit? } as in the URL. */
  input?: unknown;
}

/**
 * The salesman's own alarm feed, newest arrival first, keyset-paginated on
 * (createdAt, occurredAt, id) so pages neither skip nor repeat while new alarms
 * arrive. The alarm worker writes a whole batch in one transaction, so alarms of
 * one batch share createdAt; among them the event's own time decides.
 * A cursor that is not one of the salesman's alarms is refused, so it cannot
 * probe someone else's feed.
 */
export async function listAlarms({ viewer, input = {} }: ListAlarmsOptions): Promise<AlarmPage> {
  if (viewer.role !== 'salesman') throw new AppError('FORBIDDEN', 'Only salesmen have an alarm feed.');
  const parsed = alarmPageSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID', 'Invalid page request.', fieldErrorsOf(parsed.error));
  const { cursor, limit } = parsed.data;
  const salesmanId = viewer.salesmanId;

  let older = {};
  if (cursor) {
    const after = await db.alarm.findFirst({ where: { id: cursor, salesmanId }, select: { id: true, createdAt: true, occurredAt: true } });
    if (!after) throw new AppError('NOT_FOUND', 'No such alarm among yours (cursor).');
    const { createdAt, occurredAt, id } = after;
    older = {
      OR: [
        { createdAt: { lt: createdAt } },
        { createdAt, occurredAt: { lt: occurredAt } },
        { createdAt, occurredAt, id: { lt: id } },
      ],
    };
  }
  const [rows, unread] = await Promise.all([
    db.alarm.findMany({
      where: { salesmanId, ...older },
      orderBy: [{ createdAt: 'desc' }, { occurredAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    }),
    db.alarm.count({ where: { salesmanId, readAt: null } }),
  ]);
  const page = rows.slice(0, limit);
  return {
    unread,
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    alarms: page.map((a) => ({
      id: a.id,
      eventType: a.eventType,
      title: a.title,
      body: a.body,
      consultationId: a.consultationId,
      projectId: a.projectId,
      occurredAt: a.occurredAt.toISOString(),
      read: a.readAt !== null,
    })),
  };
}
