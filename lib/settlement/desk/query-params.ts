import type { z } from 'zod';
import { AppError } from '../../platform/errors';
import { fieldErrorsOf } from '../../platform/validation';

/**
 * A GET's query parameters as the schema reads them, or a 400 whose message names each wrong parameter
 * ("day: Enter a day as YYYY-MM-DD") — an API caller has no highlighted field to look at.
 */
export function parseQuery<S extends z.ZodType>(schema: S, url: string, names: readonly string[]): z.output<S> {
  const q = new URL(url).searchParams;
  const parsed = schema.safeParse(Object.fromEntries(names.map((n) => [n, q.get(n) ?? undefined])));
  if (parsed.success) return parsed.data;
  const errors = fieldErrorsOf(parsed.error);
  throw new AppError('INVALID', Object.entries(errors).map(([k, m]) => `${k}: ${m.join(' ')}`).join(' '), errors);
}
