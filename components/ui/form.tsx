import type { FormState } from '@/app/actions/form-state';
import type { FieldErrors } from '@/lib/platform/validation';

/**
 * Shared form pieces: every input gets an id its <label htmlFor> points at,
 * aria-invalid when refused, and aria-describedby to its message, so screen
 * readers read the reason with the field.
 */
export function fieldAttrs(name: string, errors: FieldErrors) {
  return {
    id: `f-${name}`,
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `e-${name}` : undefined,
  } as const;
}

export function FieldError({ name, errors }: { name: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <span className="field-error" id={`e-${name}`}>
      {errors.join(' ')}
    </span>
  );
}

/** The form's outcome, announced politely when it succeeds and at once when it was refused. */
export function FormNotice({ state }: { state: FormState }) {
  return (
    <div aria-live="polite">
      {state.message && (
        <p className={`notice ${state.ok ? 'ok' : 'bad'}`} role={state.ok ? 'status' : 'alert'}>
          {state.message}
        </p>
      )}
    </div>
  );
}
