import { db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { Viewer } from '../../platform/session/viewer';
import { fieldErrorsOf } from '../../platform/validation';
import { markReadSchema } from './schemas';

/**
 * The customer marks one inbox entry, or all of them, as read. Scoped to the
 * customer in the query: someone else's notification answers NOT_FOUND.
 * Marking a read one again is a no-op, not an error.
 */
export async function markNotificationsRead({ viewer, input }: { viewer: Viewer; input: unknown }): Promise<{ marked: number }> {
  if (viewer.role !== 'customer') throw new AppError('FORBIDDEN', 'Only the customer can mark their notifications read.');
  const parsed = markReadSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID', 'Name a notification, or say all: true.', fieldErrorsOf(parsed.error));
  const own = { customerId: viewer.customerId, status: 'delivered' as const };

  if ('all' in parsed.data) {
    const { count } = await db.notification.updateMany({ where: { ...own, readAt: null }, data: { readAt: new Date() } });
    return { marked: count };
  }
  const id = parsed.data.notificationId;
  const { count } = await db.notification.updateMany({ where: { ...own, id, readAt: null }, data: { readAt: new Date() } });
  if (count === 0 && !(await db.notification.findFirst({ where: { ...own, id }, select: { id: true } }))) {
    throw new AppError('NOT_FOUND', 'No such notification in your inbox.');
  }
  return { marked: count };
}
