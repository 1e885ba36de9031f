import { z } from 'zod';
import { AppError } from './errors';

/** Field name -> messages, the shape forms render next to each input. */
export type FieldErrors = Record<string, string[]>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** The input as the schema reads it, or an INVALID refusal with a message per field (forms show them, APIs answer 400). */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID', 'Please correct the highlighted fields.', fieldErrorsOf(parsed.error));
  return parsed.data;
}
