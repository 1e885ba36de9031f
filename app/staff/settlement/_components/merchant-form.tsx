'use client';

import { useActionState } from 'react';
import type { FormState } from '@/app/actions/form-state';
import { FieldError, fieldAttrs, FormNotice } from '@/components/ui/form';
import type { MerchantView } from '@/lib/settlement/registry/queries';
import { saveMerchantAction } from '../actions';
import styles from '../settlement.module.css';

/** Add a merchant, or change one's name and flags (the schema of lib/settlement/registry/schemas.ts behind it). */
export function MerchantForm({ merchant }: { merchant?: MerchantView }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveMerchantAction, {});
  const err = state.ok ? {} : (state.fieldErrors ?? {});
  const v: Record<string, string> = !state.ok && state.values ? state.values : merchant
    ? { number: merchant.number, name: merchant.name, settlementEnabled: merchant.settlementEnabled ? 'on' : '', test: merchant.test ? 'on' : '' }
    : { number: '', name: '', settlementEnabled: 'on', test: '' };
  const idp = merchant ? `${merchant.number}-` : 'new-';
  const field = (name: string) => ({ ...fieldAttrs(name, err), id: `f-${idp}${name}` });
  return (
    <form key={JSON.stringify(v)} action={action} className={merchant ? styles.inlineForm : styles.form} noValidate aria-label={merchant ? `Edit ${merchant.number}` : 'New merchant'}>
      {merchant && <input type="hidden" name="existing" value={merchant.number} />}
      <div className={styles.fields}>
        {!merchant && (
          <div className={styles.field}>
            <label htmlFor={`f-${idp}number`}>Number</label>
            <input {...field('number')} placeholder="merchant-0420" autoComplete="off" defaultValue={v.number} />
            <FieldError name="number" errors={err.number} />
          </div>
        )}
        <div className={styles.field}>
          <label htmlFor={`f-${idp}name`}>Name</label>
          <input {...field('name')} placeholder="한빛상회" autoComplete="off" defaultValue={v.name} />
          <FieldError name="name" errors={err.name} />
        </div>
        <div className={styles.flags}>
          <label><input type="checkbox" name="settlementEnabled" defaultChecked={v.settlementEnabled === 'on'} /> Settlement enabled</label>
          <label><input type="checkbox" name="test" defaultChecked={v.test === 'on'} /> Test merchant</label>
        </div>
      </div>
      <div className="actions"><button type="submit" className={merchant ? 'secondary small' : undefined} disabled={pending}>{merchant ? 'Save' : 'Add merchant'}</button></div>
      <FormNotice state={state} />
    </form>
  );
}
