import type { FormState } from '@/app/actions/form-state';

/**
 * Several forms on one page: ids carry the form's prefix, so each label, aria-describedby and message pairs with its
 * own field. A refused field gets aria-invalid and its message next to it.
 */
export function fieldProps(prefix: string, name: string, state: FormState) {
  const err = !state.ok && state.fieldErrors?.[name];
  return {
    id: `${prefix}-${name}`,
    name,
    'aria-invalid': err ? true : undefined,
    'aria-describedby': err ? `${prefix}-${name}-error` : undefined,
  } as const;
}

export function FieldMessage({ prefix, name, state }: { prefix: string; name: string; state: FormState }) {
  const errors = !state.ok ? state.fieldErrors?.[name] : undefined;
  if (!errors?.length) return null;
  return <span className="field-error" id={`${prefix}-${name}-error`}>{errors.join(' ')}</span>;
}

/** What the form shows: what was typed when refused, else the defaults. */
export const valuesOf = (state: FormState, defaults: Record<string, string>): Record<string, string> => (!state.ok && state.values ? { ...defaults, ...state.values } : defaults);
