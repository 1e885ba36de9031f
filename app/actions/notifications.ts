'use server';

import { revalidatePath } from 'next/cache';
import { isAppError } from '@/lib/errors';
import { markNotificationsRead } from '@/lib/notifications/mark-read';
import { requireViewer } from '@/lib/session/current-viewer';
import type { FormState } from './consultations';

/** "Mark read" on one notification (notificationId) or "Mark all read" (all=true). */
export async function markRead(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const viewer = await requireViewer('customer');
    const id = formData.get('notificationId');
    const { marked } = await markNotificationsRead({ viewer, input: id ? { notificationId: id } : { all: true } });
    revalidatePath('/customer/notifications');
    return { ok: true, message: id ? 'Marked as read.' : `${marked} notification${marked === 1 ? '' : 's'} marked as read.` };
  } catch (e) {
    if (isAppError(e)) return { ok: false, message: e.message };
    console.error('[action] unexpected error', e);
    return { ok: false, message: 'Something went wrong on our side; nothing was saved. Please try again.' };
  }
}
