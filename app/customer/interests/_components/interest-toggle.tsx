'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useActionState, useState } from 'react';
import type { FormState } from '@/app/actions/form-state';
import { toggleInterest } from '@/app/actions/interests';

interface Props {
  projectId: string;
  /** "스마트공장 구축 지원사업 (2026)": makes each button's name unique for screen readers. */
  label: string;
  /** As the read model has it now. */
  interested: boolean;
}

/**
 * Follow / Unfollow one project. The command commits at once, but the page
 * reads the read model, which catches up a moment later; meanwhile the button
 * shows what the customer asked for (only until the view moves, so a change
 * made elsewhere, say in another tab, still shows).
 */
export function InterestToggle({ projectId, label, interested }: Props) {
  const queryClient = useQueryClient();
  const [wanted, setWanted] = useState<{ value: boolean; over: boolean } | null>(null);
  const [state, action, pending] = useActionState<FormState, FormData>(async (prev, formData) => {
    const next = await toggleInterest(prev, formData);
    if (next.ok) {
      setWanted({ value: formData.get('interested') === 'true', over: interested });
      void queryClient.invalidateQueries({ queryKey: ['interests'] });
    }
    return next;
  }, {});
  const shown = wanted && wanted.over === interested ? wanted.value : interested;

  return (
    <form action={action}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="interested" value={String(!shown)} />
      <button type="submit" className={shown ? 'secondary small' : 'small'} disabled={pending} aria-label={`${shown ? 'Unfollow' : 'Follow'} ${label}`}>
        {pending ? 'Saving…' : shown ? 'Unfollow' : 'Follow'}
      </button>
      <div aria-live="polite">
        {state.ok === false && <p className="field-error" role="alert">{state.message}</p>}
        {state.ok && <p className="visually-hidden" role="status">{state.message}</p>}
      </div>
    </form>
  );
}
