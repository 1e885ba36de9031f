import type { L1Record } from '../cleansing/cleanse';
import type { Comparison, Side } from '../matching/comparison';
import { dateEqualMatch, sameDistrictMatch } from '../matching/date-and-district';
import { exactMatch, exactNormalisedMatch, phonesMatch } from '../matching/exact';
import { jaroWinklerMatch, levenshteinMatch } from '../matching/fuzzy';
import type { Criterion, Ruleset } from './ruleset';

export interface RuleOutcome {
  id: string;
  matched: boolean;
  /** each criterion's comparison, in the rule's order (without `explain`, only up to the first that failed) */
  comparisons: Comparison[];
}

/** Which rule links two records, if any, and why: the "why linked" of a pair. */
export interface PairEvaluation {
  /** the first rule (in priority order) whose criteria all match, null if none */
  rule: string | null;
  /** mean of that rule's criterion scores, 0 if none */
  score: number;
  /** with `explain`, every rule; without, only those tried until one matched */
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
 * Which rule of the ruleset links two L1 records. Without `explain` (the linking path) it stops at the first matching
 * rule and, inside a rule, at the first criterion that fails; with it, every criterion of every rule is compared.
 */
export function evaluatePair(a: L1Record, b: L1Record, ruleset: Ruleset, { explain = false }: { explain?: boolean } = {}): PairEvaluation {
  const rules: RuleOutcome[] = [];
  let rule: string | null = null, score = 0;
  for (const r of ruleset.rules) {
    const comparisons: Comparison[] = [];
    let matched = true;
    for (const c of r.criteria) {
      const cmp = compare(c, a, b);
      comparisons.push(cmp);
      if (!cmp.matched) {
        matched = false;
        if (!explain) break;
      }
    }
    rules.push({ id: r.id, matched, comparisons });
    if (matched && rule === null) {
      rule = r.id;
      score = comparisons.reduce((s, x) => s + x.score, 0) / comparisons.length;
      if (!explain) break;
    }
  }
  return { rule, score, rules };
}
