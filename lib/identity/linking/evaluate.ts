import type { L1Record } from '../cleansing/cleanse';
import type { Comparison, Side } from '../matching/comparison';
import { dateEqualMatch, sameDistrictMatch } from '../matching/date-and-district';
import { exactMatch, exactNormalisedMatch, phonesMatch } from '../matching/exact';
import { jaroWinklerMatch, levenshteinMatch } from '../matching/fuzzy';
import type { Criterion, Ruleset } from './ruleset';

export interface RuleOutcome {
  id: string;
  matched: boolean;
  /** each criterion's comparison, in the rule's order */
  comparisons: Comparison[];
}

/** Which rule links two records, if any, and why: the "why linked" of a pair. */
export interface PairEvaluation {
  /** the first rule (in priority order) whose criteria all match, null if none */
  rule: string | null;
  /** mean of that rule's criterion scores, 0 if none */
  score: number;
  /** every rule, in priority order */
  rules: RuleOutcome[];
}


/** The value of a field in the form a method compares. */
function valueOf(r: L1Record, field: 'name' | 'email' | 'address', form: 'raw' | 'normalised' | 'fuzzy'): Side | null {
  if (field === 'name') {
    if (!r.name) return null;
    if (form === 'raw') return { shown: r.name.raw, key: r.name.raw };
    return { shown: r.name.display, key: (form === 'fuzzy' ? r.name.jamo : r.name.key) || null };
  }
  if (field === 'email') {
    if (!r.email) return null;
    return { shown: r.email.raw, key: form === 'raw' ? r.email.raw : r.email.matchable ? r.email.value : null };
  }
  if (!r.address) return null;
  return { shown: r.address.raw, key: form === 'raw' ? r.address.raw : r.address.normalised || null };
}

/** Two records' phone lists have a number written the same way (as the sources wrote it). */
function phonesExact(a: L1Record, b: L1Record): Comparison {
  const inB = new Set(b.phones.map((p) => p.raw));
  const common = a.phones.find((p) => inB.has(p.raw));
  if (!common) return { field: 'phone', method: 'exact', matched: false, score: 0, explanation: `phone ${a.phones.map((p) => p.raw).join(', ') || '(none)'} ≠ ${b.phones.map((p) => p.raw).join(', ') || '(none)'}: exact` };
  return { field: 'phone', method: 'exact', matched: true, score: 1, explanation: `phone ${common.raw} = ${common.raw}: exact` };
}

/** One criterion applied to two L1 records: the matcher's comparison (score and one line). */
export function compare(c: Criterion, a: L1Record, b: L1Record): Comparison {
  const field = c.field;
  switch (c.method) {
    case 'date-equal':
      return dateEqualMatch({ field, a: a.birth?.date, b: b.birth?.date });
    case 'same-district':
      return sameDistrictMatch({ field, a: a.address, b: b.address });
    case 'exact':
      if (field === 'phone') return phonesExact(a, b);
      return exactMatch({ field, a: valueOf(a, field as 'name', 'raw')?.key, b: valueOf(b, field as 'name', 'raw')?.key });
    case 'exact-normalised': {
      if (field === 'phone') {
        const m = phonesMatch({ a: a.phones, b: b.phones });
        const matched = m.matched && (m.alone || c.allowShared === true);
        return { field, method: m.method, matched, score: matched ? 1 : 0, explanation: m.explanation };
      }
      return exactNormalisedMatch({ field, a: valueOf(a, field as 'name', 'normalised'), b: valueOf(b, field as 'name', 'normalised') });
    }
    case 'fuzzy': {
      const [va, vb] = [valueOf(a, field as 'name', 'fuzzy'), valueOf(b, field as 'name', 'fuzzy')];
      const form = field === 'name' && (a.name?.script !== 'latin' || b.name?.script !== 'latin') ? 'jamo' : 'letters';
      if (c.algorithm === 'jaro-winkler') return jaroWinklerMatch({ field, a: va, b: vb, threshold: c.threshold, form });
      return levenshteinMatch({ field, a: va, b: vb, maxDistance: c.maxDistance, form });
    }
  }
}

/**
 * Why two records are or are not linked: every criterion of every rule compared, with its score and one line, and
 * the first rule (in priority order) that links them. For the "why linked" page and the events; `linkingRule` gives
 * the same verdict faster.
 */
export function explainPair(a: L1Record, b: L1Record, ruleset: Ruleset): PairEvaluation {
  let rule: string | null = null, score = 0;
  const rules = ruleset.rules.map((r) => {
    const comparisons = r.criteria.map((c) => compare(c, a, b));
    const matched = comparisons.every((c) => c.matched);
    if (matched && rule === null) [rule, score] = [r.id, comparisons.reduce((s, x) => s + x.score, 0) / comparisons.length];
    return { id: r.id, matched, comparisons };
  });
  return { rule, score, rules };
}

const keyed = (x: string | null | undefined, y: string | null | undefined) => !!x && x === y;

/** valueOf(...).key without building the pair of strings, for the linking path */
function normalisedKey(r: L1Record, field: 'name' | 'email' | 'address'): string | null | undefined {
  if (field === 'name') return r.name?.key;
  if (field === 'email') return r.email?.matchable ? r.email.value : null;
  return r.address?.normalised;
}

/**
 * The score of one criterion, -1 when it does not match: the matchers' verdicts and scores without their
 * explanations, for the linking path, where most candidate pairs fail on their first criterion (a test holds the two
 * paths to the same answers).
 */
function quickScore(c: Criterion, a: L1Record, b: L1Record): number {
  switch (c.method) {
    case 'date-equal':
      return keyed(a.birth?.date, b.birth?.date) ? 1 : -1;
    case 'exact':
      if (c.field === 'phone') return a.phones.some((p) => b.phones.some((q) => q.raw === p.raw)) ? 1 : -1;
      return keyed(valueOf(a, c.field as 'name', 'raw')?.key?.trim(), valueOf(b, c.field as 'name', 'raw')?.key?.trim()) ? 1 : -1;
    case 'exact-normalised':
      if (c.field === 'phone') return a.phones.some((p) => p.matchable && (p.alone || c.allowShared === true) && b.phones.some((q) => q.e164 === p.e164)) ? 1 : -1;
      return keyed(normalisedKey(a, c.field as 'name'), normalisedKey(b, c.field as 'name')) ? 1 : -1;
    case 'fuzzy':
    case 'same-district': {
      const cmp = compare(c, a, b);
      return cmp.matched ? cmp.score : -1;
    }
  }
}

/**
 * The first rule (in priority order) that links two records and its score (the mean of its criteria's), or null:
 * each rule's criteria in their order, stopping at the first that fails (so put the cheap, selective ones first:
 * phone, email, birth date).
 */
export function linkingRule(a: L1Record, b: L1Record, ruleset: Ruleset): { rule: string; score: number } | null {
  for (const r of ruleset.rules) {
    let total = 0;
    for (const c of r.criteria) {
      const s = quickScore(c, a, b);
      if (s < 0) {
        total = -1;
        break;
      }
      total += s;
    }
    if (total >= 0) return { rule: r.id, score: total / r.criteria.length };
  }
  return null;
}
