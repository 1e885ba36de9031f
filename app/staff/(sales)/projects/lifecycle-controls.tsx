'use client';

import { useActionState, useState } from 'react';
import { moveProjectAction } from '@/app/actions/projects';
import type { FormState } from '@/app/actions/form-state';
import { FormNotice } from '@/components/ui/form';
import type { ProjectStatus } from '@/lib/sales/projects/schemas';
import styles from './project-form.module.css';

interface Props {
  project: { id: string; name: string; year: number; status: ProjectStatus };
  /** Pre-filled date for the confirmation (the planned date when it has come, else today). */
  defaultDate: string;
  today: string;
}

/**
 * Start (planned) or End (ongoing), each behind a confirmation that also asks
 * for the actual date. The server decides: a stale page that offers Start on a
 * project someone else already started gets the refusal, shown here.
 */
export function LifecycleControls({ project, defaultDate, today }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState<FormState, FormData>(async (prev, formData) => {
    const next = await moveProjectAction(prev, formData);
    if (next.ok) setConfirming(false);
    return next;
  }, {});
  const move = project.status === 'planned' ? 'start' : project.status === 'ongoing' ? 'end' : null;
  const label = `${project.name} (${project.year})`;
  const dateField = move === 'start' ? 'startDate' : 'endDate';
  const errors = state.ok ? undefined : state.fieldErrors?.[dateField];
  const ids = { date: `d-${project.id}`, error: `de-${project.id}`, question: `q-${project.id}` };

  return (
    <div className={styles.controls}>
      {move && !confirming && (
        <div className="actions">
          <button type="button" className={move === 'end' ? 'danger small' : 'secondary small'} onClick={() => setConfirming(true)} aria-label={`${move === 'start' ? 'Start' : 'End'} project: ${label}`}>
            {move === 'start' ? 'Start project…' : 'End project…'}
          </button>
        </div>
      )}
      {move && confirming && (
        <form
          action={action}
          noValidate
          className="stack panel"
          aria-labelledby={ids.question}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setConfirming(false);
          }}
        >
          <input type="hidden" name="projectId" value={project.id} />
          <input type="hidden" name="move" value={move} />
          <p id={ids.question}>
            {move === 'start'
              ? `Start ${label} now? It becomes ongoing and customers interested in it are notified.`
              : `End ${label}? This cannot be undone; next year's edition is created as a planned project.`}
          </p>
          <div className={styles.field}>
            <label htmlFor={ids.date}>{move === 'start' ? 'Start date' : 'End date'}</label>
            <input
              type="date"
              id={ids.date}
              name={dateField}
              defaultValue={state.values?.[dateField] ?? defaultDate}
              max={today}
              autoFocus
              aria-invalid={errors ? true : undefined}
              aria-describedby={errors ? ids.error : undefined}
            />
            {errors && <span className="field-error" id={ids.error}>{errors.join(' ')}</span>}
          </div>
          <div className="actions">
            <button type="submit" className={move === 'end' ? 'danger' : undefined} disabled={pending}>
              {pending ? 'Saving…' : move === 'start' ? 'Confirm start' : 'Confirm end'}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)} disabled={pending}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <FormNotice state={state} />
    </div>
  );
}
