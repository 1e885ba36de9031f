'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useActionState, useEffect } from 'react';
import { requestConsultation, type FormState } from '@/app/actions/consultations';
import { REGIONS } from '@/lib/people/regions';

interface Props {
  projects: { id: string; name: string; year: number }[];
  defaults: { contactName: string; phone: string; company: string; region: string };
}

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <span className="field-error" id={id} aria-live="polite">
      {errors.join(' ')}
    </span>
  );
}

/** Consultation request form; the server validates with the shared zod schema and returns per-field errors. */
export function ConsultationForm({ projects, defaults }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(requestConsultation, {});
  const queryClient = useQueryClient();
  useEffect(() => {
    if (state.ok) void queryClient.invalidateQueries({ queryKey: ['consultations'] });
  }, [state, queryClient]);
  const err = state.fieldErrors ?? {};
  const v = state.ok ? {} : (state.values ?? {});
  const field = (name: string) => ({
    id: `f-${name}`,
    name,
    'aria-invalid': err[name] ? true : undefined,
    'aria-describedby': err[name] ? `e-${name}` : undefined,
  });

  return (
    <form action={action} className="stack" noValidate aria-labelledby="request-h">
      <label htmlFor="f-projectId">
        Project
        <select {...field('projectId')} defaultValue={v.projectId ?? ''} key={`p${state.ok}${v.projectId}`}>
          <option value="">Choose a project…</option>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>{`${p.name} (${p.year})`}</option>
          ))}
        </select>
        <FieldError id="e-projectId" errors={err.projectId} />
      </label>
      <label htmlFor="f-contactName">
        Contact name
        <input {...field('contactName')} defaultValue={v.contactName ?? defaults.contactName} autoComplete="name" />
        <FieldError id="e-contactName" errors={err.contactName} />
      </label>
      <label htmlFor="f-phone">
        Mobile phone
        <input {...field('phone')} defaultValue={v.phone ?? defaults.phone} inputMode="tel" placeholder="010-1234-5678" />
        <FieldError id="e-phone" errors={err.phone} />
      </label>
      <label htmlFor="f-company">
        Company
        <input {...field('company')} defaultValue={v.company ?? defaults.company} autoComplete="organization" />
        <FieldError id="e-company" errors={err.company} />
      </label>
      <label htmlFor="f-region">
        Region
        <select {...field('region')} defaultValue={v.region ?? defaults.region} key={`r${state.ok}${v.region}`}>
          <option value="">Choose a region…</option>
          {REGIONS.map((r) => (
            <option key={r} value={r}>{r}</option>
          ))}
        </select>
        <FieldError id="e-region" errors={err.region} />
      </label>
      <label htmlFor="f-message">
        What do you need?
        <textarea {...field('message')} rows={4} defaultValue={v.message ?? ''} key={`m${state.ok}`} />
        <FieldError id="e-message" errors={err.message} />
      </label>
      <div aria-live="polite">
        {state.message && <p className={`notice ${state.ok ? 'ok' : 'bad'}`} role={state.ok ? 'status' : 'alert'}>{state.message}</p>}
      </div>
      <button type="submit" disabled={pending}>{pending ? 'Sending…' : 'Request consultation'}</button>
    </form>
  );
}
