'use server';

import { revalidatePath } from 'next/cache';
import { createConsultation } from '@/lib/sales/consultations/create-consultation';
import { changeConsultationStep } from '@/lib/sales/consultations/change-step';
import { editConsultation } from '@/lib/sales/consultations/edit-consultation';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { attempt, type FormState } from './form-state';


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

/** The customer corrects a request that no salesman has accepted yet (same schema as PATCH /api/consultations/[id]). */
export async function editRequest(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = Object.fromEntries([...formData].map(([k, v]) => [k, String(v)]));
  let saved: Record<string, string> | undefined;
  const result = await attempt(async () => {
    const viewer = await requireViewer('customer');
    const { consultation, changed } = await editConsultation({ viewer, input: values });
    const { contactName, phone, company, message, version } = consultation;
    saved = { consultationId: consultation.id, contactName, phone, company, message, expectedVersion: String(version) };
    revalidatePath('/customer');
    revalidatePath(`/customer/consultations/${consultation.id}`);
    return changed.length ? 'Your changes are saved; your salesman sees them now.' : 'Nothing changed, so nothing was sent.';
  }, values);
  // After a save the form shows what is stored (normalised phone, next version), not what was typed.
  return saved ? { ...result, values: saved } : result;
}
