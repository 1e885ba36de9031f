'use server';

import { revalidatePath } from 'next/cache';
import { attempt, type FormState } from '@/app/actions/form-state';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { createMerchant, updateMerchant } from '@/lib/settlement/registry/save-merchant';
import { saveRule } from '@/lib/settlement/rules/save-rule';

const text = (formData: FormData, k: string) => String(formData.get(k) ?? '');

/** Schedule a payout rule change (the schema of lib/settlement/rules/schemas.ts decides). */
export async function saveRuleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = Object.fromEntries(['merchantNumber', 'method', 'action', 'effectiveFrom', 'feeRate', 'payoutDays', 'note'].map((k) => [k, text(formData, k)]));
  return attempt(async () => {
    const viewer = await requireViewer('staff');
    const { rule, replaced } = await saveRule({ viewer, input: values });
    revalidatePath('/staff/settlement/rules');
    return `${rule.merchantNumber} ${rule.method} ${rule.action}: ${rule.feeRate} %, D+${rule.payoutDays} from ${rule.effectiveFrom} ${replaced ? 'replaces the change scheduled for that day' : 'is scheduled'}.`;
  }, values);
}

/** Add a merchant (no `existing` field) or change one's name and flags; unchecked boxes are false. */
export async function saveMerchantAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const existing = text(formData, 'existing');
  const flag = (k: string) => formData.get(k) === 'on';
  const values = { number: existing || text(formData, 'number'), name: text(formData, 'name'), settlementEnabled: flag('settlementEnabled') ? 'on' : '', test: flag('test') ? 'on' : '' };
  const changes = { name: values.name, settlementEnabled: flag('settlementEnabled'), test: flag('test') };
  return attempt(async () => {
    const viewer = await requireViewer('staff');
    const m = existing ? await updateMerchant({ viewer, number: existing, input: changes }) : await createMerchant({ viewer, input: { number: values.number, ...changes } });
    revalidatePath('/staff/settlement/merchants');
    return `${m.number} ${m.name} ${existing ? 'saved' : 'added'}.`;
  }, values);
}
