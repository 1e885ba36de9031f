'use client';

import { useActionState, useSyncExternalStore } from 'react';
import { setGeneratorRateAction, setGeneratorRunningAction, switchScenarioAction } from '@/app/actions/commerce';
import type { FormState } from '@/app/actions/form-state';
import { FieldError, fieldAttrs, FormNotice } from '@/components/ui/form';
import type { GeneratorView } from '@/lib/commerce/dashboard/generator-view';
import type { ScenarioOption } from '@/lib/commerce/dashboard/scenario-names';
import styles from '../commerce.module.css';

/**
 * Pause/resume, the rate and the scenario: server actions over the generator's
 * control row. The generator polls that row every second, so the live panels
 * show the change within a second or two; each form shows its refusal per field.
 */
const noSubscription = () => () => {};

export function GeneratorControls({ generator, scenarios }: { generator: GeneratorView; scenarios: ScenarioOption[] }) {
  // data-hydrated tells tests when a select can be chosen without React resetting it.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const [runState, runAction, running] = useActionState<FormState, FormData>(setGeneratorRunningAction, {});
  const [rateState, rateAction, rating] = useActionState<FormState, FormData>(setGeneratorRateAction, {});
  const [scenState, scenAction, switching] = useActionState<FormState, FormData>(switchScenarioAction, {});
  const rateErrors = rateState.ok ? {} : (rateState.fieldErrors ?? {});
  const scenErrors = scenState.ok ? {} : (scenState.fieldErrors ?? {});
  const paused = !generator.requested.running;

  return (
    <div className={styles.controls} data-testid="generator-controls" data-hydrated={hydrated || undefined}>
      <form action={runAction} className={styles.inline}>
        <input type="hidden" name="running" value={paused ? 'true' : 'false'} />
        <button type="submit" className={paused ? undefined : 'secondary'} disabled={running}>
          {paused ? 'Resume generator' : 'Pause generator'}
        </button>
        <FormNotice state={runState} />
      </form>

      <form action={rateAction} noValidate className={styles.row}>
        <div className={styles.field}>
          <label htmlFor="f-rate">Carts per second</label>
          <input
            {...fieldAttrs('rate', rateErrors)}
            type="text"
            inputMode="decimal"
            placeholder={generator.requested.rate === null ? 'seed pace' : undefined}
            defaultValue={rateState.values?.rate ?? (generator.requested.rate === null ? '' : String(generator.requested.rate))}
          />
          <FieldError name="rate" errors={rateErrors.rate} />
        </div>
        <div className="actions">
          <button type="submit" name="pace" value="fixed" disabled={rating}>Set rate</button>
          <button type="submit" name="pace" value="seed" className="secondary" disabled={rating}>Use seed pace</button>
        </div>
        <FormNotice state={rateState} />
      </form>

      <form action={scenAction} noValidate className={styles.row}>
        <div className={styles.field}>
          <label htmlFor="f-id">Scenario</label>
          <select {...fieldAttrs('id', scenErrors)} defaultValue={scenState.values?.id ?? String(generator.requested.scenarioId ?? 0)}>
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id === 0 ? '0 · Automatic (by the Korea-time hour)' : `${s.id} · ${s.name} (${s.timerMinutes} min)`}
              </option>
            ))}
          </select>
          <FieldError name="id" errors={scenErrors.id} />
        </div>
        <div className="actions">
          <button type="submit" disabled={switching}>{switching ? 'Switching…' : 'Switch scenario'}</button>
        </div>
        <FormNotice state={scenState} />
      </form>
    </div>
  );
}
