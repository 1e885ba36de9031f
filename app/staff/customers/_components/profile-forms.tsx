'use client';

import { useActionState, useSyncExternalStore } from 'react';
import type { FormState } from '@/app/actions/form-state';
import { FormNotice } from '@/components/ui/form';
import { eraseAction, mergeAction, splitAction } from '../actions';
import styles from '../customers.module.css';
import { FieldMessage, fieldProps, valuesOf } from './field';

const noSubscription = () => () => {};
// data-hydrated: tests wait for it before typing (a form submitted before hydration would post natively)
const useHydrated = () => useSyncExternalStore(noSubscription, () => true, () => false);

/** "Not the same person": tick the records that are someone else; they leave this profile and stay apart. */
export function SplitForm({ profileId, records }: { profileId: string; records: { key: string; label: string }[] }) {
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState<FormState, FormData>(splitAction, {});
  const v = valuesOf(state, { why: '', recordKeys: '' });
  const ticked = new Set(v.recordKeys!.split(',').filter(Boolean));
  const f = (name: string) => fieldProps('split', name, state);
  return (
    <form key={JSON.stringify(v)} action={action} className={styles.form} noValidate aria-label="Split: not the same person" data-hydrated={hydrated || undefined}>
      <input type="hidden" name="profileId" value={profileId} />
      <fieldset className={styles.checks} aria-invalid={f('recordKeys')['aria-invalid']} aria-describedby={f('recordKeys')['aria-describedby']}>
        <legend>Records that are another person</legend>
        {records.map((r) => (
          <label key={r.key}><input type="checkbox" name="recordKeys" value={r.key} defaultChecked={ticked.has(r.key)} /> <span className={styles.mono}>{r.key}</span> {r.label}</label>
        ))}
        <FieldMessage prefix="split" name="recordKeys" state={state} />
      </fieldset>
      <div className={styles.field}>
        <label htmlFor="split-why">Why (kept with the decision)</label>
        <input {...f('why')} autoComplete="off" placeholder="고객 확인: 동명이인" defaultValue={v.why} />
        <FieldMessage prefix="split" name="why" state={state} />
      </div>
      <div className="actions"><button type="submit" className="secondary" disabled={pending}>Split off</button></div>
      <FormNotice state={state} />
    </form>
  );
}

/** "Same person": another profile's id (from a search result) joins this one. */
export function MergeForm({ profileId }: { profileId: string }) {
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState<FormState, FormData>(mergeAction, {});
  const v = valuesOf(state, { otherProfileId: '', why: '', liftSplits: '' });
  const f = (name: string) => fieldProps('merge', name, state);
  return (
    <form key={JSON.stringify(v)} action={action} className={styles.form} noValidate aria-label="Merge with another profile" data-hydrated={hydrated || undefined}>
      <input type="hidden" name="profileId" value={profileId} />
      <div className={styles.fields}>
        <div className={styles.field}>
          <label htmlFor="merge-otherProfileId">Other profile id</label>
          <input {...f('otherProfileId')} autoComplete="off" spellCheck={false} placeholder="32 hexadecimal characters" defaultValue={v.otherProfileId} />
          <FieldMessage prefix="merge" name="otherProfileId" state={state} />
        </div>
        <div className={styles.field}>
          <label htmlFor="merge-why">Why (kept with the decision)</label>
          <input {...f('why')} autoComplete="off" placeholder="같은 고객: 전화로 확인" defaultValue={v.why} />
          <FieldMessage prefix="merge" name="why" state={state} />
        </div>
      </div>
      <label className={styles.check}><input type="checkbox" name="liftSplits" defaultChecked={v.liftSplits === 'on'} /> Lift the split: staff splits that keep these two apart are withdrawn</label>
      <div className="actions"><button type="submit" className="secondary" disabled={pending}>Merge</button></div>
      <FormNotice state={state} />
    </form>
  );
}

/** Erase the person: every record leaves the identity tables and the sources; only an audit entry stays. */
export function EraseForm({ profileId }: { profileId: string }) {
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState<FormState, FormData>(eraseAction, {});
  const v = valuesOf(state, { why: '', confirm: '' });
  const f = (name: string) => fieldProps('erase', name, state);
  return (
    <form key={JSON.stringify(v)} action={action} className={styles.form} noValidate aria-label="Erase this person" data-hydrated={hydrated || undefined}>
      <input type="hidden" name="profileId" value={profileId} />
      <div className={styles.fields}>
        <div className={styles.field}>
          <label htmlFor="erase-why">Why</label>
          <input {...f('why')} autoComplete="off" placeholder="고객 요청 (개인정보 삭제)" defaultValue={v.why} />
          <FieldMessage prefix="erase" name="why" state={state} />
        </div>
        <div className={styles.field}>
          <label htmlFor="erase-confirm">Type ERASE to confirm</label>
          <input {...f('confirm')} autoComplete="off" spellCheck={false} defaultValue={v.confirm} />
          <FieldMessage prefix="erase" name="confirm" state={state} />
        </div>
      </div>
      <p className="hint">The source systems’ rows are deleted too. This cannot be undone.</p>
      <div className="actions"><button type="submit" className="danger" disabled={pending}>Erase</button></div>
      <FormNotice state={state} />
    </form>
  );
}
