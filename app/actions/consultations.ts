'use server';

import { revalidatePath } from 'next/cache';
import { createConsultation } from '@/lib/consultations/create-consultation';
import { changeConsultationStep } from '@/lib/consultations/change-step';
import { isAppError } from '@/lib/errors';
import { requireViewer } from '@/lib/session/current-viewer';
import type { FieldErrors } from '@/lib/validation';

export interface FormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  /** The submitted values, so a refused form keeps what the user typed. */
  values?: Record<string, string>;
}

async function attempt(work: () => Promise<string>, values?: Record<string, string>): Promise<FormState> {
  try {
    return { ok: true, message: await work() };
  } catch (e) {
    if (isAppError(e)) return { ok: false, message: e.message, fieldErrors: e.fieldErrors, values };
    console.error('[action] unexpected error', e);
    return { ok: false, message: 'Something went wrong on our side; nothing was saved. Please try again.', values };
  }
}

export async function requestConsultation(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = Object.fromEntries([...formData].map(([k, v]) => [k, String(v)]));
  return attempt(async () => {
    const viewer = await requireViewer('customer');
    const { salesman } = await createConsultation({ customerId: viewer.customerId, input: values });
    revalidatePath('/customer');
    return `Request sent. ${salesman.name} will contact you.`;
  }, values);
}

export async function changeStep(_prev: FormState, formData: FormData): Promise<FormState> {
  return attempt(async () => {
    const viewer = await requireViewer('salesman');
    const updated = await changeConsultationStep({
      viewer,
      input: { consultationId: formData.get('consultationId'), step: formData.get('step') },
    });
    revalidatePath('/salesman');
    return `Consultation is now ${updated.step.replace('_', ' ')}.`;
  });
}
