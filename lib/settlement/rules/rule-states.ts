/**
 * Which of a merchant x method x action's rules applies when: the newest one from today or earlier is in force,
 * the ones after today are scheduled, the older ones are superseded (they still settle the days they covered).
 */
import type { Day } from '../desk/days';

export type RuleState = 'in force' | 'scheduled' | 'superseded';

interface Dated { id: string; merchantNumber: string; method: string; action: string; effectiveFrom: Day }

export function ruleStates(rules: readonly Dated[], today: Day): Map<string, RuleState> {
  const byKey = new Map<string, Dated[]>();
  for (const r of rules) {
    const k = `${r.merchantNumber}\0${r.method}\0${r.action}`;
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  const states = new Map<string, RuleState>();
  for (const list of byKey.values()) {
    let inForce = false;
    for (const r of [...list].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0))) {
      if (r.effectiveFrom > today) states.set(r.id, 'scheduled');
      else if (!inForce) { states.set(r.id, 'in force'); inForce = true; }
      else states.set(r.id, 'superseded');
    }
  }
  return states;
}
