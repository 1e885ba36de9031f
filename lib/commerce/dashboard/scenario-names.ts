import { SCENARIOS, scenarioTimerMinutes } from '../generator/model/scenarios';

export interface ScenarioOption {
  id: number;
  name: string;
  /** how long it runs once chosen; null for 0, which hands back to the automatic scenario */
  timerMinutes: number | null;
}

/** The scenarios staff can choose (0 = automatic, then the seed's 20), as the select lists them. */
export const SCENARIO_OPTIONS: ScenarioOption[] = SCENARIOS.map((s) => ({
  id: s.id,
  name: s.name,
  timerMinutes: s.id === 0 ? null : scenarioTimerMinutes(s.id),
}));

/** The seed's Korean name of a scenario, e.g. 2 -> "남성 IT/게이밍 폭주". */
export function scenarioName(id: number): string {
  return SCENARIO_OPTIONS.find((s) => s.id === id)?.name ?? `Scenario ${id}`;
}
