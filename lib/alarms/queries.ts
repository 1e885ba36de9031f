import { db } from '../db';

export interface AlarmRow {
  id: string;
  eventType: string;
  title: string;
  body: string;
  consultationId: string | null;
  occurredAt: string;
  read: boolean;
}

/** The salesman's own alarm feed, newest first. */
export async function listAlarms(salesmanId: string, limit = 30): Promise<{ alarms: AlarmRow[]; unread: number }> {
  const [rows, unread] = await Promise.all([
    db.alarm.findMany({
      where: { salesmanId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
    }),
    db.alarm.count({ where: { salesmanId, readAt: null } }),
  ]);
  return {
    unread,
    alarms: rows.map((a) => ({
      id: a.id,
      eventType: a.eventType,
      title: a.title,
      body: a.body,
      consultationId: a.consultationId,
      occurredAt: a.occurredAt.toISOString(),
      read: a.readAt !== null,
    })),
  };
}
