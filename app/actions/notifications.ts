'use server';

import { revalidatePath } from 'next/cache';
import { markNotificationsRead } from '@/lib/sales/notifications/mark-read';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { attempt, type FormState } from './form-state';

/** "Mark read" on one notification (notificationId) or "Mark all read" (all=true). */
export async function markRead(_prev: FormState, formData: FormData): Promise<FormState> {
  return attempt(async () => {
    const viewer = await requireViewer('customer');
    const id = formData.get('notificationId');
    const { marked } = await markNotificationsRead({ viewer, input: id ? { notificationId: id } : { all: true } });
    revalidatePath('/customer/notifications');
    return id ? 'Marked as read.' : `${marked} notification${marked === 1 ? '' : 's'} marked as read.`;
  });
}
