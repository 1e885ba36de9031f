import { isAppError } from '@/lib/platform/errors';
import type { FieldErrors } from '@/lib/platform/validation';

/** What every form's server action answers: a message, per-field errors, and what the user typed. */
export interface FormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  /** The submitted values, so a refused form keeps what the user typed. */
  values?: Record<string, string>;
}

/**
 * Runs a server action's work: success message, or a domain refusal with its
 * field errors; anything unexpected is logged and answered without details.
 */
export async function attempt(work: () => Promise<string>, values?: Record<string, string>): Promise<FormState> {
  try {
    return { ok: true, message: await work() };
  } catch (e) {
    if (isAppError(e)) return { ok: false, message: e.message, fieldErrors: e.fieldErrors, values };
    console.error('[action] unexpected error', e);
    return { ok: false, message: 'Something went wrong on our side; nothing was saved. Please try again.', values };
  }
}
