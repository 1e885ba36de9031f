'use server';

import { revalidatePath } from 'next/cache';
import { setInterest } from '@/lib/sales/interests/set-interest';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { attempt, type FormState } from './form-state';

/** The interest toggle on /customer/interests: CreateInterest the first time, UpdateInterest afterwards. */
export async function toggleInterest(_prev: FormState, formData: FormData): Promise<FormState> {
  return attempt(async () => {
    const viewer = await requireViewer('customer');
    const r = await setInterest({ viewer, input: { projectId: formData.get('projectId'), interested: formData.get('interested') } });
    revalidatePath('/customer/interests');
    const name = r.projectName ?? 'this project';
    return r.interested ? `You follow ${name}. We will notify you when it starts.` : `You no longer follow ${name}.`;
  });
}
