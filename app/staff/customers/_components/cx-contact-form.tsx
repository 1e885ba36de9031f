'use client';

import { useActionState, useSyncExternalStore } from 'react';
import type { FormState } from '@/app/actions/form-state';
import { FormNotice } from '@/components/ui/form';
import type { CxContact } from '@/lib/identity/sources/cx-contacts';
import { deleteCxContactAction, saveCxContactAction } from '../actions';
import styles from '../customers.module.css';
import { FieldMessage, fieldProps, valuesOf } from './field';

const noSubscription = () => () => {};

const FIELDS = [
  { name: 'fullName', label: 'Name', placeholder: '김민준' },
  { name: 'phones', label: 'Phones (comma or one per line)', placeholder: '010 2345 6789' },
  { name: 'email', label: 'Email (optional)', placeholder: 'minjun@hanbit.example' },
  { name: 'address', label: 'Address (optional)', placeholder: '서울시 강남구 테헤란로 152' },
  { name: 'rrnFront', label: 'Registration number, front (optional)', placeholder: '900102-1' },
] as const;

/** Add a support desk contact as an agent records it on a call, or change one (the schema of cx-contacts.ts behind it). */
export function CxContactForm({ contact }: { contact?: CxContact }) {
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const [state, action, pending] = useActionState<FormState, FormData>(saveCxContactAction, {});
  const prefix = contact ? `cx-${contact.contactId}` : 'cx-new';
  const v = valuesOf(state, contact
    ? { fullName: contact.fullName, phones: contact.phones.join(', '), email: contact.email ?? '', address: contact.address ?? '', rrnFront: contact.rrnFront ?? '' }
    : { fullName: '', phones: '', email: '', address: '', rrnFront: '' });
  return (
    <form key={JSON.stringify(v)} action={action} className={contact ? styles.inlineForm : styles.form} noValidate
      aria-label={contact ? `Edit support contact ${contact.contactId}` : 'New support contact'} data-hydrated={hydrated || undefined}>
      {contact && <input type="hidden" name="contactId" value={contact.contactId} />}
      <div className={styles.fields}>
        {FIELDS.map((f) => (
          <div key={f.name} className={styles.field}>
            <label htmlFor={`${prefix}-${f.name}`}>{f.label}</label>
            <input {...fieldProps(prefix, f.name, state)} autoComplete="off" placeholder={f.placeholder} defaultValue={v[f.name]} />
            <FieldMessage prefix={prefix} name={f.name} state={state} />
          </div>
        ))}
      </div>
      <div className="actions"><button type="submit" className={contact ? 'secondary small' : undefined} disabled={pending}>{contact ? 'Save' : 'Add contact'}</button></div>
      <FormNotice state={state} />
    </form>
  );
}

export function DeleteCxContactForm({ contact }: { contact: CxContact }) {
  const [state, action, pending] = useActionState<FormState, FormData>(deleteCxContactAction, {});
  return (
    <form action={action} aria-label={`Delete support contact ${contact.contactId}`}>
      <input type="hidden" name="contactId" value={contact.contactId} />
      <button type="submit" className="danger small" disabled={pending} aria-label={`Delete ${contact.contactId} ${contact.fullName}`}>Delete</button>
      <FormNotice state={state} />
    </form>
  );
}
