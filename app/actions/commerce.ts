'use server';

import { revalidatePath } from 'next/cache';
import { chooseScenario, controlGenerator } from '@/lib/commerce/dashboard/controls';
import { formatRate } from '@/lib/commerce/dashboard/format';
import { AppError } from '@/lib/platform/errors';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { attempt, type FormState } from './form-state';

// The staff Commerce dashboard's controls: each checks the role, then calls the
// generator's control functions through the same validation as the JSON API.

const field = (formData: FormData, name: string) => String(formData.get(name) ?? '').trim();

export async function setGeneratorRunningAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return attempt(async () => {
    await requireViewer('staff');
    const running = field(formData, 'running') === 'true';
    await controlGenerator({ running });
    revalidatePath('/staff/commerce');
    return running ? 'Generator resumed: carts flow again within a second or two.' : 'Generator paused: no new carts until you resume it.';
  });
}

export async function setGeneratorRateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = { rate: field(formData, 'rate') };
  return attempt(async () => {
    await requireViewer('staff');
    const seedPace = field(formData, 'pace') === 'seed';
    if (!seedPace && !/^\d+(\.\d+)?$/.test(values.rate)) {
      throw new AppError('INVALID', 'The rate was not changed.', { rate: ['Enter carts per second as a number, e.g. 20 or 0.5.'] });
    }
    const c = await controlGenerator({ rate: seedPace ? null : Number(values.rate) });
    revalidatePath('/staff/commerce');
    return `Rate set: ${formatRate(c.rate)}.`;
  }, values);
}

export async function switchScenarioAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = { id: field(formData, 'id') };
  return attempt(async () => {
    await requireViewer('staff');
    if (!/^\d+$/.test(values.id)) throw new AppError('INVALID', 'No scenario was chosen.', { id: ['Choose a scenario.'] });
    const c = await chooseScenario({ id: Number(values.id) });
    revalidatePath('/staff/commerce');
    return c.scenarioId === null ? 'Back to the automatic scenario (by the hour).' : `${c.name} runs until the timer ends, then the automatic one returns.`;
  }, values);
}
