'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useActionState, useEffect, useSyncExternalStore } from 'react';
import { requestConsultation } from '@/app/actions/consultations';
import type { FormState } from '@/app/actions/form-state';
import { REGIONS } from '@/lib/sales/people/regions';
import { FieldError, fieldAttrs, FormNotice } from './ui/form';

interface Props {
  projects: { id: string; name: string; year: number }[];
  /** Prefill: the customer's own details, or a declined request being sent again. */
  defaults: { contactName: string; phone: string; company: string; region: string; projectId?: string; message?: string };
}

const noSubscription = () => () => {};

/** Consultation request form; the server validates with the shared zod schema and returns per-field errors. */
export function ConsultationForm({ projects, defaults }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(requestConsultation, {});
  const queryClient = useQueryClient();
  useEffect(() => {
    if (state.ok) void queryClient.invalidateQueries({ queryKey: ['consultations'] });
  }, [state, queryClient]);
  const err = state.fieldErrors ?? {};
  const v = state.ok ? {} : (state.values ?? {});
  const field = (name: string) => fieldAttrs(name, err);
  // React re-applies a <select>'s defaultValue when it hydrates, so a choice made before that is lost;
  // data-hydrated tells tests (and anyone scripting the page) when the form is safe to fill.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);

  return (
    <form action={action} className="stack" noValidate aria-labelledby="request-h" data-hydrated={hydrated || undefined}>
      <label htmlFor="f-projectId">
        Project
        <select {...field('projectId')} defaultValue={v.projectId ?? defaults.projectId ?? ''} key={`p${state.ok}${v.projectId}`}>
          <option value="">Choose a project…</option>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>{`${p.name} (${p.year})`}</option>
          ))}
        </select>
        <FieldError name="projectId" errors={err.projectId} />
      </label>
      <label htmlFor="f-contactName">
        Contact name
        <input {...field('contactName')} defaultValue={v.contactName ?? defaults.contactName} autoComplete="name" />
        <FieldError name="contactName" errors={err.contactName} />
      </label>
      <label htmlFor="f-phone">
        Mobile phone
        <input {...field('phone')} defaultValue={v.phone ?? defaults.phone} inputMode="tel" autoComplete="tel" placeholder="010-1234-5678" />
        <FieldError name="phone" errors={err.phone} />
      </label>
      <label htmlFor="f-company">
        Company
        <input {...field('company')} defaultValue={v.company ?? defaults.company} autoComplete="organization" />
        <FieldError name="company" errors={err.company} />
      </label>
      <label htmlFor="f-region">
        Region
        <select {...field('region')} defaultValue={v.region ?? defaults.region} key={`r${state.ok}${v.region}`}>
          <option value="">Choose a region…</option>
          {REGIONS.map((r) => (
            <option key={r} value={r}>{r}</option>
          ))}
        </select>
        <FieldError name="region" errors={err.region} />
      </label>
      <label htmlFor="f-message">
        What do you need?
        <textarea {...field('message')} rows={4} defaultValue={v.message ?? defaults.message ?? ''} key={`m${state.ok}`} />
        <FieldError name="message" errors={err.message} />
      </label>
      <FormNotice state={state} />
      <button type="submit" disabled={pending}>{pending ? 'Sending…' : 'Request consultation'}</button>
    </form>
  );
}
