'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { attempt, type FormState } from '@/app/actions/form-state';
import { eraseProfile, mergeProfiles, splitProfile } from '@/lib/identity/desk/actions';
import { eraseInput, mergeInput, splitInput } from '@/lib/identity/desk/schemas';
import { createCxContact, cxContactInput, deleteCxContact, updateCxContact } from '@/lib/identity/sources/cx-contacts';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { parseOrThrow } from '@/lib/platform/validation';

const text = (formData: FormData, k: string) => String(formData.get(k) ?? '');
const staffName = async () => (await requireViewer('staff')).name;

/** "Not the same person": the ticked records leave the profile (a staff split, kept through later changes). */
export async function splitAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const recordKeys = formData.getAll('recordKeys').map(String);
  const values = { profileId: text(formData, 'profileId'), why: text(formData, 'why'), recordKeys: recordKeys.join(',') };
  return attempt(async () => {
    const by = await staffName();
    const input = parseOrThrow(splitInput, { ...values, recordKeys });
    const { result } = await splitProfile(input, by);
    revalidatePath('/staff/customers', 'layout');
    const part = result.events.flatMap((e) => (e.type === 'split' ? e.parts : [])).find((p) => p.records.includes(recordKeys[0]!));
    return `Split: ${recordKeys.join(', ')} ${recordKeys.length === 1 ? 'is' : 'are'} now ${part ? `profile ${part.profileId}` : 'another profile'}.`;
  }, values);
}

/** "Same person": another profile (its id) joins this one; optionally lifting staff splits between them. */
export async function mergeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = { profileId: text(formData, 'profileId'), otherProfileId: text(formData, 'otherProfileId'), why: text(formData, 'why'), liftSplits: text(formData, 'liftSplits') };
  return attempt(async () => {
    const by = await staffName();
    const { profileId } = await mergeProfiles(parseOrThrow(mergeInput, values), by);
    revalidatePath('/staff/customers', 'layout');
    return `Merged: ${values.otherProfileId.trim()} and ${values.profileId} are now profile ${profileId}.`;
  }, values);
}

/** Erase a person everywhere; the page it was on no longer exists, so back to the overview. */
export async function eraseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = { profileId: text(formData, 'profileId'), why: text(formData, 'why'), confirm: text(formData, 'confirm') };
  const state = await attempt(async () => {
    const by = await staffName();
    const { recordKeys } = await eraseProfile(parseOrThrow(eraseInput, values), by);
    revalidatePath('/staff/customers', 'layout');
    return `Erased ${recordKeys.length} record(s).`;
  }, values);
  if (state.ok) redirect(`/staff/customers?erased=${encodeURIComponent(values.profileId)}`);
  return state;
}

const CX_FIELDS = ['fullName', 'phones', 'email', 'address', 'rrnFront'] as const;

/** Add a support desk contact, or change one (the `contactId` field); Debezium streams the change to the linker. */
export async function saveCxContactAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const contactId = text(formData, 'contactId');
  const values: Record<string, string> = Object.fromEntries(CX_FIELDS.map((k) => [k, text(formData, k)]));
  return attempt(async () => {
    await staffName();
    const input = parseOrThrow(cxContactInput, values);
    const c = contactId ? await updateCxContact(contactId, input) : await createCxContact(input);
    revalidatePath('/staff/customers/support-contacts');
    return `Support contact ${c.contactId} ${c.fullName} ${contactId ? 'saved' : 'added'}.`;
  }, contactId ? { ...values, contactId } : values);
}

export async function deleteCxContactAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const contactId = text(formData, 'contactId');
  const state = await attempt(async () => {
    await staffName();
    await deleteCxContact(contactId);
    revalidatePath('/staff/customers/support-contacts');
    return `Support contact ${contactId} deleted.`;
  });
  // its row (and this form) is gone: the list page says so
  if (state.ok) redirect(`/staff/customers/support-contacts?deleted=${encodeURIComponent(contactId)}`);
  return state;
}
