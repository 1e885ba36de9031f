import { db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { Viewer } from '../../platform/session/viewer';
import { fieldErrorsOf } from '../../platform/validation';
import { markReadSchema } from './schemas';

export interface MarkReadOptions {
  viewer: Viewer;
  input: unknown;
}

/**
 * Marks one of the salesman's alarms, or all of them, as read. Ownership is
 * part of every query: another salesman's alarm is reported as missing, and
 * marking an alarm twice keeps the first read time.
 */
export async function markAlarmsRead({ viewer, input }: MarkReadOptions): Promise<{ marked: number; unread: number }> {
  if (viewer.role !== 'salesman') throw new AppError('FORBIDDEN', 'Only salesmen have alarms to mark as read.');
  const parsed = markReadSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID', 'Say which alarm to mark as read.', fieldErrorsOf(parsed.error));
  const { alarmId, upTo } = parsed.data;
  const salesmanId = viewer.salesmanId;
  const now = new Date();

  const mine = async (id: string) => {
    const alarm = await db.alarm.findFirst({ where: { id, salesmanId }, select: { createdAt: true } });
    if (!alarm) throw new AppError('NOT_FOUND', 'No such alarm among yours.');
    return alarm;
  };

  let marked: number;
  if (alarmId) {
    ({ count: marked } = await db.alarm.updateMany({ where: { id: alarmId, salesmanId, readAt: null }, data: { readAt: now } }));
    if (marked === 0) await mine(alarmId); // already read is fine; not yours is NOT_FOUND
  } else {
    const bound = upTo ? { createdAt: { lte: (await mine(upTo)).createdAt } } : {};
    ({ count: marked } = await db.alarm.updateMany({ where: { salesmanId, readAt: null, ...bound }, data: { readAt: now } }));
  }
  return { marked, unread: await db.alarm.count({ where: { salesmanId, readAt: null } }) };
}
