import type { z } from 'zod';
import { db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { fieldErrorsOf } from '../../platform/validation';
import { generatorControlInput, scenarioInput, setGeneratorControl, switchScenario } from '../generator/control';
import { scenarioName } from './scenario-names';

function parsed<T extends z.ZodType>(schema: T, input: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fieldErrors = fieldErrorsOf(r.error);
  const reasons = Object.entries(fieldErrors).map(([k, m]) => (k === '_form' ? m.join(' ') : `${k}: ${m.join(' ')}`));
  throw new AppError('INVALID', `${what}: ${reasons.join('; ')}`, fieldErrors);
}

/**
 * Staff's generator controls, shared by the JSON API and the dashboard's forms:
 * the generator's own zod schemas decide what is valid, a refusal is a 400 with
 * the reason and per-field messages.
 */
export async function controlGenerator(input: unknown) {
  const v = parsed(generatorControlInput, input, 'Give running (true or false) and/or rate (carts per second, above 0 and at most 5000, or null for the seed pace)');
  return setGeneratorControl(db, v);
}

export async function chooseScenario(input: unknown) {
  const v = parsed(scenarioInput, input, 'Give id, a scenario number from 0 (automatic) to 20');
  const control = await switchScenario(db, v);
  return { ...control, name: scenarioName(v.id) };
}
