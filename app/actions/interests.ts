'use server';

import { revalidatePath } from 'next/cache';
import { isAppError } from '@/lib/errors';
import { setInterest } from '@/lib/interests/set-interest';
import { requireViewer } from '@/lib/session/current-viewer';
import type { FormState } from './consultations';

/** The interest toggle on /customer/interests: CreateInterest the first time, UpdateInterest afterwards. */
export async function toggleInterest(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const viewer = await requireViewer('customer');
    const r = await setInterest({ viewer, input: { projectId: formData.get('projectId'), interested: formData.get('interested') } });
    revalidatePath('/customer/interests');
    const name = r.projectName ?? 'this project';
    return { ok: true, message: r.interested ? `You follow ${name}. We will notify you when it starts.` : `You no longer follow ${name}.` };
  } catch (e) {
    if (isAppError(e)) return { ok: false, message: e.message, fieldErrors: e.fieldErrors };
    console.error('[action] unexpected error', e);
    return { ok: false, message: 'Something went wrong on our side; nothing was saved. Please try again.' };
  }
}
