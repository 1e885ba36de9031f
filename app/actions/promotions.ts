'use server';

import { revalidatePath } from 'next/cache';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { createPromotion, updatePromotion } from '@/lib/promotions/catalogue/save-promotion';
import { attempt, type FormState } from './form-state';

/** The form's fields; categories come as several checkboxes of one name. */
function inputOf(formData: FormData) {
  const one = (k: string) => String(formData.get(k) ?? '');
  return {
    values: { name: one('name'), productIds: one('productIds'), discountRate: one('discountRate'), channel: one('channel'), startsAt: one('startsAt'), endsAt: one('endsAt'), categories: formData.getAll('categories').map(String).join(',') },
    input: { name: one('name'), categories: formData.getAll('categories').map(String), productIds: one('productIds'), discountRate: one('discountRate'), channel: one('channel'), startsAt: one('startsAt'), endsAt: one('endsAt') },
  };
}

export async function savePromotionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { values, input } = inputOf(formData);
  const id = String(formData.get('id') ?? '');
  return attempt(async () => {
    const viewer = await requireViewer('staff');
    const p = id ? await updatePromotion({ viewer, id, input }) : await createPromotion({ viewer, input });
    revalidatePath('/staff/promotions');
    return id ? `${p.id} ${p.name} saved.` : `${p.id} ${p.name} added.`;
  }, values);
}
