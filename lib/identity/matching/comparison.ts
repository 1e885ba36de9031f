export type MatchMethod = 'exact' | 'exact-normalised' | 'jaro-winkler' | 'levenshtein' | 'date-equal' | 'same-district';

/** One field of two records compared: the outcome, a score (0..1) and one line for the "why linked" page. */
export interface Comparison {
  field: string;
  method: MatchMethod;
  matched: boolean;
  score: number;
  explanation: string;
}

/** A value as a person reads it (`shown`) and as it is compared (`key`); a null key cannot be compared (invalid). */
export interface Side {
  shown: string;
  key: string | null;
}

/** Nothing to compare on one side or both: never a match (NULL never matches, as in the seed). */
export function missing(field: string, method: MatchMethod, a: Side | null | undefined, b: Side | null | undefined): Comparison | null {
  const absent = (s: Side | null | undefined) => !s || s.key === null || s.key === '';
  if (!absent(a) && !absent(b)) return null;
  const what = (s: Side | null | undefined) => (!s || (!s.shown && !s.key) ? '(none)' : s.key === null || s.key === '' ? `${s.shown} (not comparable)` : s.shown);
  return { field, method, matched: false, score: 0, explanation: `${field} ${what(a)} vs ${what(b)}: nothing to compare, never a match` };
}

/** The score with as few decimals (2 to 6) as keep "0.92 >= 0.92" or "0.919 < 0.92" true as printed. */
export function shownScore(score: number, threshold: number): string {
  for (let d = 2; d <= 6; d++) {
    const s = score.toFixed(d);
    if (Number(s) >= threshold === score >= threshold - 1e-9) return s;
  }
  return String(score);
}
