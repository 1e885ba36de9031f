import type { UnifyRule, UnifyRuleName } from './config';

/** The record a candidate value comes from. */
export interface Origin {
  key: string;
  source: string;
  /** epoch ms */
  updatedAt: number;
}

/** One non-empty value of one field, from one record. */
export interface Candidate<T> {
  origin: Origin;
  value: T;
  /** what equal means: the normalised form (김 민준 and 김민준 are one value) */
  compareAs: string;
  /** among records holding one value, the more complete one shows it (an address with its unit); default 0 */
  richness?: number;
}

/** How a golden field was decided: `only-value` when every candidate agreed, `tie-break` when the rules left several. */
export type Decision = UnifyRuleName | 'only-value' | 'tie-break';

export interface Provenance {
  /** the record whose value is shown, and its source */
  record: string;
  source: string;
  rule: Decision;
  /** every record holding the winning value, the winner's first */
  agreeing: string[];
  /** distinct values there were to choose from */
  values: number;
  /** one line for the profile page */
  why: string;
}

export interface Reconciled<T> {
  value: T;
  provenance: Provenance;
}

const distinct = <T>(cs: readonly Candidate<T>[]) => new Set(cs.map((c) => c.compareAs)).size;
/** newest first, then the smaller key: the one deterministic order everything falls back on */
const newestFirst = (a: Origin, b: Origin) => b.updatedAt - a.updatedAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function keepBest<T>(cs: readonly Candidate<T>[], score: (c: Candidate<T>) => number): Candidate<T>[] {
  let best = -Infinity;
  for (const c of cs) best = Math.max(best, score(c));
  return cs.filter((c) => score(c) === best);
}

function apply<T>(rule: UnifyRule, cs: readonly Candidate<T>[]): { kept: Candidate<T>[]; why: (winner: Candidate<T>) => string } {
  switch (rule.rule) {
    case 'source-priority': {
      const rank = (c: Candidate<T>) => { const i = rule.sources.indexOf(c.origin.source); return i < 0 ? -rule.sources.length : -i; };
      return { kept: keepBest(cs, rank), why: (w) => `${w.origin.source} first in ${rule.sources.join(' > ')}` };
    }
    case 'most-recent':
      return { kept: keepBest(cs, (c) => c.origin.updatedAt), why: (w) => `the most recent record (${new Date(w.origin.updatedAt).toISOString()})` };
    case 'most-frequent': {
      const count = new Map<string, number>();
      for (const c of cs) count.set(c.compareAs, (count.get(c.compareAs) ?? 0) + 1);
      return { kept: keepBest(cs, (c) => count.get(c.compareAs)!), why: (w) => `held by ${count.get(w.compareAs)} of ${cs.length} records` };
    }
  }
}

/**
 * One field reconciled. The value: the rules narrow the candidates in order until one value is left (a rule that cannot
 * choose keeps them all); if several are left, the newest record's value wins, equal times the smaller record key. The
 * record that shows it, among all holding that value (류현진 and 유현진 are one value): the richest (an address with its
 * unit), then as the same rules choose (the CX spelling before the shop's), then the newest, then the smaller key.
 * Null when there is no candidate: empty values never win.
 */
export function reconcile<T>(candidates: readonly Candidate<T>[], rules: readonly UnifyRule[]): Reconciled<T> | null {
  if (!candidates.length) return null;
  const all = [...candidates].sort((a, b) => newestFirst(a.origin, b.origin));
  const values = distinct(all);
  let pool = all;
  let rule: Decision = 'only-value';
  let why = (_: Candidate<T>) => (all.length === 1 ? 'the only record with a value' : `all ${all.length} records agree`);
  for (const r of rules) {
    if (distinct(pool) === 1) break;
    const step = apply(r, pool);
    pool = step.kept;
    if (distinct(pool) === 1) [rule, why] = [r.rule, step.why];
  }
  if (distinct(pool) > 1) {
    const left = distinct(pool);
    rule = 'tie-break';
    why = (w) => `the rules left ${left} values: the newest record's (${new Date(w.origin.updatedAt).toISOString()})`;
  }
  const decider = pool[0]!;

  let holders = all.filter((c) => c.compareAs === decider.compareAs);
  holders = keepBest(holders, (c) => c.richness ?? 0);
  for (const r of rules) if (holders.length > 1) holders = apply(r, holders).kept;
  const winner = holders[0]!;
  const agreeing = [winner.origin.key, ...all.filter((c) => c.compareAs === decider.compareAs && c !== winner).map((c) => c.origin.key)];
  const shown = rule !== 'only-value' && (winner.richness ?? 0) > (decider.richness ?? 0) ? `; shown as ${winner.origin.key} wrote it (more complete)` : '';
  return {
    value: winner.value,
    provenance: { record: winner.origin.key, source: winner.origin.source, rule, agreeing, values, why: why(rule === 'only-value' ? winner : decider) + shown },
  };
}
