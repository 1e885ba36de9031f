'use client';

import { useActionState, useSyncExternalStore } from 'react';
import type { FormState } from '@/app/actions/form-state';
import { FieldError, fieldAttrs, FormNotice } from '@/components/ui/form';
import { saveRuleAction } from '../actions';
import styles from '../settlement.module.css';

const METHODS = ['CARD', 'MONEY', 'PAY', 'POINT'] as const;
const ACTIONS = [['PAYMENT', 'Payment'], ['CANCEL', 'Cancel'], ['PARTIAL_CANCEL', 'Partial cancel'], ['FULL_CANCEL', 'Full cancel']] as const;
const noSubscription = () => () => {};

/**
 * Schedule a payout rule change from a day after today. The schema of lib/settlement/rules/schemas.ts is behind it;
 * every refused field shows its reason. The browser's own checks are off (noValidate) so the reasons are ours.
 */
export function RuleForm({ merchants, tomorrow, merchant }: { merchants: { number: string; name: string }[]; tomorrow: string; merchant?: string }) {
  // data-hydrated: a select chosen before hydration would be reset by React (tests wait for it)
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const [state, action, pending] = useActionState<FormState, FormData>(saveRuleAction, {});
  const err = state.ok ? {} : (state.fieldErrors ?? {});
  const v: Record<string, string> = !state.ok && state.values ? state.values : { merchantNumber: merchant ?? '', method: 'CARD', action: 'PAYMENT', effectiveFrom: tomorrow, feeRate: '', payoutDays: '2' };
  return (
    <form key={JSON.stringify(v)} action={action} className={styles.form} noValidate aria-label="New rule change" data-hydrated={hydrated || undefined}>
      <div className={styles.fields}>
        <div className={styles.field}>
          <label htmlFor="f-merchantNumber">Merchant</label>
          <select {...fieldAttrs('merchantNumber', err)} defaultValue={v.merchantNumber}>
            <option value="">Choose…</option>
            {merchants.map((m) => <option key={m.number} value={m.number}>{m.number} {m.name}</option>)}
          </select>
          <FieldError name="merchantNumber" errors={err.merchantNumber} />
        </div>
        <div className={styles.field}>
          <label htmlFor="f-method">Method</label>
          <select {...fieldAttrs('method', err)} defaultValue={v.method}>{METHODS.map((m) => <option key={m} value={m}>{m}</option>)}</select>
          <FieldError name="method" errors={err.method} />
        </div>
        <div className={styles.field}>
          <label htmlFor="f-action">Action</label>
          <select {...fieldAttrs('action', err)} defaultValue={v.action}>{ACTIONS.map(([a, label]) => <option key={a} value={a}>{label}</option>)}</select>
          <FieldError name="action" errors={err.action} />
        </div>
        <div className={styles.field}>
          <label htmlFor="f-effectiveFrom">Effective from (Korea day)</label>
          <input {...fieldAttrs('effectiveFrom', err)} type="date" min={tomorrow} defaultValue={v.effectiveFrom} />
          <FieldError name="effectiveFrom" errors={err.effectiveFrom} />
        </div>
        <div className={styles.field}>
          <label htmlFor="f-feeRate">Fee rate (%)</label>
          <input {...fieldAttrs('feeRate', err)} inputMode="decimal" placeholder="2.5" autoComplete="off" defaultValue={v.feeRate} />
          <FieldError name="feeRate" errors={err.feeRate} />
        </div>
        <div className={styles.field}>
          <label htmlFor="f-payoutDays">Payout after (business days)</label>
          <input {...fieldAttrs('payoutDays', err)} inputMode="numeric" defaultValue={v.payoutDays} />
          <FieldError name="payoutDays" errors={err.payoutDays} />
        </div>
        <div className={styles.field}>
          <label htmlFor="f-note">Note (optional)</label>
          <input {...fieldAttrs('note', err)} autoComplete="off" placeholder="계약 갱신" defaultValue={v.note} />
          <FieldError name="note" errors={err.note} />
        </div>
      </div>
      <p className="hint">A change applies to payments approved from its day on (tomorrow at the earliest); payments up to today keep the rule they were settled on. Saving the same merchant, method, action and day again replaces that scheduled change.</p>
      <div className="actions"><button type="submit" disabled={pending}>Schedule rule</button></div>
      <FormNotice state={state} />
    </form>
  );
}
