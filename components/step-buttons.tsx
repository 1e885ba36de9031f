'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useActionState, useEffect } from 'react';
import { changeStep } from '@/app/actions/consultations';
import type { FormState } from '@/app/actions/form-state';
import type { ConsultationStep } from '@/lib/sales/consultations/schemas';
import { nextSteps } from '@/lib/sales/consultations/transitions';

const VERB: Record<ConsultationStep, string> = {
  accepted: 'Accept',
  canceled: 'Reject',
  in_progress: 'Start work',
  success: 'Mark success',
  fail: 'Mark fail',
  requested: 'Reopen',
};

/** The salesman's buttons for the steps a consultation may move to next. */
export function StepButtons({ consultationId, step, label }: { consultationId: string; step: ConsultationStep; label: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(changeStep, {});
  const queryClient = useQueryClient();
  useEffect(() => {
    if (state.ok) void queryClient.invalidateQueries();
  }, [state, queryClient]);
  const options = nextSteps(step);
  if (options.length === 0) return null;
  return (
    <form action={action} className="actions">
      <input type="hidden" name="consultationId" value={consultationId} />
      {options.map((to) => (
        <button
          key={to}
          type="submit"
          name="step"
          value={to}
          disabled={pending}
          className={to === 'canceled' || to === 'fail' ? 'secondary' : undefined}
          aria-label={`${VERB[to]}: ${label}`}
        >
          {VERB[to]}
        </button>
      ))}
      {state.ok === false && <span className="field-error" role="alert">{state.message}</span>}
    </form>
  );
}
