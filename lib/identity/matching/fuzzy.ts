import { distance } from 'fastest-levenshtein';
import { missing, shownScore, type Comparison, type Side } from './comparison';
import { jaroWinkler } from './jaro-winkler';

interface FuzzyOptions {
  field: string;
  a: Side | null | undefined;
  b: Side | null | undefined;
  /** the form the keys are in, named in the explanation ("jamo") */
  form?: string;
}

/** Jaro-Winkler similarity of the keys (for names: the jamo form) at or above `threshold`. */
export function jaroWinklerMatch({ field, a, b, threshold, form = 'jamo' }: FuzzyOptions & { threshold: number }): Comparison {
  const none = missing(field, 'jaro-winkler', a, b);
  if (none) return none;
  // scores are ratios of small integers: one that is the threshold on paper must not miss it by a rounding error
  const score = jaroWinkler(a!.key!, b!.key!);
  const matched = score >= threshold - 1e-9;
  return {
    field, method: 'jaro-winkler', matched, score,
    explanation: `${field} ${a!.shown} ${matched ? '~' : '≁'} ${b!.shown}: Jaro-Winkler ${shownScore(score, threshold)} ${matched ? '>=' : '<'} ${threshold} on ${form}`,
  };
}

/** Levenshtein edit distance of the keys at most `maxDistance`; the score is 1 - distance / longer length. */
export function levenshteinMatch({ field, a, b, maxDistance, form = 'jamo' }: FuzzyOptions & { maxDistance: number }): Comparison {
  const none = missing(field, 'levenshtein', a, b);
  if (none) return none;
  const d = distance(a!.key!, b!.key!);
  const matched = d <= maxDistance;
  return {
    field, method: 'levenshtein', matched, score: 1 - d / Math.max(a!.key!.length, b!.key!.length),
    explanation: `${field} ${a!.shown} ${matched ? '~' : '≁'} ${b!.shown}: edit distance ${d} ${matched ? '<=' : '>'} ${maxDistance} on ${form}`,
  };
}
