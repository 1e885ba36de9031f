'use client';

import { useActionState } from 'react';
import { editRequest } from '@/app/actions/consultations';
import type { FormState } from '@/app/actions/form-state';
import type { ConsultationDetail } from '@/lib/sales/consultations/get-consultation';
import { FieldError, fieldAttrs, FormNotice } from './ui/form';

/**
 * The customer's edit of a waiting request. The version it was based on goes
 * along, so an edit made elsewhere meanwhile (or the salesman accepting) is
 * refused with the reason instead of being overwritten.
 */
export function ConsultationEditForm({ consultation: c }: { consultation: ConsultationDetail }) {
  const [state, action, pending] = useActionState<FormState, FormData>(editRequest, {});
  const err = state.fieldErrors ?? {};
  const v = state.values ?? {};
  // Remount the inputs after a save so they show the stored (normalised) values.
  const k = state.ok ? v.expectedVersion : 'typed';
  return (
    <form action={action} className="stack" noValidate aria-labelledby="edit-h">
      <p className="hint">
        You can change these until your salesman accepts the request. Project and region chose your salesman; to change them, send a new request.
      </p>
      <input type="hidden" name="consultationId" value={c.id} />
      <input type="hidden" name="expectedVersion" value={v.expectedVersion ?? c.version} />
      <label htmlFor="f-contactName">
        Contact name
        <input {...fieldAttrs('contactName', err)} defaultValue={v.contactName ?? c.contactName} key={`n${k}`} autoComplete="name" />
        <FieldError name="contactName" errors={err.contactName} />
      </label>
      <label htmlFor="f-phone">
        Mobile phone
        <input {...fieldAttrs('phone', err)} defaultValue={v.phone ?? c.phone} key={`p${k}`} inputMode="tel" autoComplete="tel" placeholder="010-1234-5678" />
        <FieldError name="phone" errors={err.phone} />
      </label>
      <label htmlFor="f-company">
        Company
        <input {...fieldAttrs('company', err)} defaultValue={v.company ?? c.company} key={`c${k}`} autoComplete="organization" />
        <FieldError name="company" errors={err.company} />
      </label>
      <label htmlFor="f-message">
        What do you need?
        <textarea {...fieldAttrs('message', err)} rows={5} defaultValue={v.message ?? c.message} key={`m${k}`} />
        <FieldError name="message" errors={err.message} />
      </label>
      <FormNotice state={state} />
      <div className="actions">
        <button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save changes'}</button>
      </div>
    </form>
  );
}
