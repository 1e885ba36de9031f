import type { ConsultationStep } from './schemas';

/**
 * The consultation life cycle (seed 003): the matched salesman accepts or
 * rejects a request, then drives an accepted one to in progress and to
 * success or fail. Anything else is refused.
 */
const NEXT: Record<ConsultationStep, readonly ConsultationStep[]> = {
  requested: ['accepted', 'canceled'],
  accepted: ['in_progress'],
  in_progress: ['success', 'fail'],
  canceled: [],
  success: [],
  fail: [],
};

/** Steps after which the salesman no longer has the consultation on their plate. */
export const CLOSED_STEPS: readonly ConsultationStep[] = ['canceled', 'success', 'fail'];

export const STEP_LABEL: Record<ConsultationStep, string> = {
  requested: 'Requested',
  accepted: 'Accepted',
  canceled: 'Canceled',
  in_progress: 'In progress',
  success: 'Success',
  fail: 'Fail',
};

export function nextSteps(from: ConsultationStep): readonly ConsultationStep[] {
  return NEXT[from];
}

/** Null when allowed, else the sentence shown to the user. */
export function transitionError(from: ConsultationStep, to: ConsultationStep): string | null {
  if (NEXT[from].includes(to)) return null;
  if (NEXT[from].length === 0) return `This consultation is already ${STEP_LABEL[from].toLowerCase()}; it cannot change any more.`;
  const allowed = NEXT[from].map((s) => STEP_LABEL[s].toLowerCase()).join(' or ');
  return `A ${STEP_LABEL[from].toLowerCase()} consultation can only move to ${allowed}, not to ${STEP_LABEL[to].toLowerCase()}.`;
}
