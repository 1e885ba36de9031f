'use client';

import { useActionState } from 'react';
import type { FormState } from '@/app/actions/form-state';
import { createProjectAction, editProjectAction } from '@/app/actions/projects';
import { FieldError, fieldAttrs, FormNotice } from '@/components/ui/form';
import type { ProjectSnapshot } from '@/lib/sales/projects/snapshot';
import styles from './project-form.module.css';

type Values = Record<string, string>;

const won = (scale: string) => (scale ? new Intl.NumberFormat('ko-KR').format(BigInt(scale)) : '');

function initialValues(project?: ProjectSnapshot, year?: number): Values {
  if (!project) return { year: String(year ?? '') };
  return {
    name: project.name, year: String(project.year), scale: won(project.scale), target: project.target, host: project.host,
    summary: project.summary, link: project.link ?? '', startDate: project.startDate ?? '', endDate: project.endDate ?? '',
    expStartDate: project.expStartDate ?? '',
  };
}

/**
 * Create and edit share this form and the zod schema behind both actions. A
 * refused submission keeps what was typed; the server's message for each
 * field sits under it and is announced with it.
 */
export function ProjectForm({ project, defaultYear }: { project?: ProjectSnapshot; defaultYear?: number }) {
  const [state, action, pending] = useActionState<FormState, FormData>(project ? editProjectAction : createProjectAction, {});
  const err = state.ok ? {} : (state.fieldErrors ?? {});
  const v = !state.ok && state.values ? state.values : initialValues(project, defaultYear);
  // Hint and error sit outside the label, so the field's name is just its label; both are read via aria-describedby.
  const field = (name: string, hint = false) => ({
    ...fieldAttrs(name, err),
    'aria-describedby': [hint && `h-${name}`, err[name] && `e-${name}`].filter(Boolean).join(' ') || undefined,
    defaultValue: v[name] ?? '',
  });
  // React resets a form after its action; a new key re-applies the right defaults (typed values or saved ones).
  const key = JSON.stringify(v);

  return (
    <form key={key} action={action} className="stack" noValidate aria-label={project ? 'Edit project' : 'New project'}>
      {project && <input type="hidden" name="projectId" value={project.projectId} />}
      <div className="grid-2">
        <div className={styles.field}>
          <label htmlFor="f-name">Name</label>
          <input {...field('name')} autoComplete="off" />
          <FieldError name="name" errors={err.name} />
        </div>
        <div className={styles.field}>
          <label htmlFor="f-year">Year</label>
          <input {...field('year')} inputMode="numeric" />
          <FieldError name="year" errors={err.year} />
        </div>
        <div className={styles.field}>
          <label htmlFor="f-scale">Budget (KRW)</label>
          <input {...field('scale', true)} inputMode="numeric" placeholder="3,000,000,000" />
          <span className="hint" id="h-scale">In won; commas are fine.</span>
          <FieldError name="scale" errors={err.scale} />
        </div>
        <div className={styles.field}>
          <label htmlFor="f-host">Host</label>
          <input {...field('host')} placeholder="중소벤처기업부" />
          <FieldError name="host" errors={err.host} />
        </div>
      </div>
      <div className={styles.field}>
        <label htmlFor="f-target">Target</label>
        <input {...field('target', true)} placeholder="제조 중소기업" />
        <span className="hint" id="h-target">Who may apply.</span>
        <FieldError name="target" errors={err.target} />
      </div>
      <div className={styles.field}>
        <label htmlFor="f-summary">Summary</label>
        <textarea {...field('summary')} rows={3} />
        <FieldError name="summary" errors={err.summary} />
      </div>
      <div className={styles.field}>
        <label htmlFor="f-link">Link (optional)</label>
        <input {...field('link')} type="url" inputMode="url" placeholder="https://" />
        <FieldError name="link" errors={err.link} />
      </div>
      <div className="grid-2">
        <div className={styles.field}>
          <label htmlFor="f-expStartDate">Expected start (optional)</label>
          <input {...field('expStartDate')} type="date" />
          <FieldError name="expStartDate" errors={err.expStartDate} />
        </div>
        <span className="hint">Start and end dates are the planned ones; Start and End record the actual days.</span>
        <div className={styles.field}>
          <label htmlFor="f-startDate">Start date (optional)</label>
          <input {...field('startDate')} type="date" />
          <FieldError name="startDate" errors={err.startDate} />
        </div>
        <div className={styles.field}>
          <label htmlFor="f-endDate">End date (optional)</label>
          <input {...field('endDate')} type="date" />
          <FieldError name="endDate" errors={err.endDate} />
        </div>
      </div>
      <FormNotice state={state} />
      <div className="actions">
        <button type="submit" disabled={pending}>{pending ? 'Saving…' : project ? 'Save changes' : 'Create project'}</button>
      </div>
    </form>
  );
}
