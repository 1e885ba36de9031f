import type { CleanPhone } from '../cleansing/phone';
import { missing, type Comparison, type Side } from './comparison';

/** The values as the sources wrote them, equal to the character (only surrounding blanks ignored). */
export function exactMatch({ field, a, b }: { field: string; a: string | null | undefined; b: string | null | undefined }): Comparison {
  const [sa, sb] = [a?.trim(), b?.trim()];
  const none = missing(field, 'exact', sa ? { shown: sa, key: sa } : null, sb ? { shown: sb, key: sb } : null);
  if (none) return none;
  const matched = sa === sb;
  return { field, method: 'exact', matched, score: matched ? 1 : 0, explanation: `${field} ${sa} ${matched ? '=' : '≠'} ${sb}: exact` };
}

/** The normalised keys equal (E.164 phone, lowercased email, normalised address...), shown as the sources wrote them. */
export function exactNormalisedMatch({ field, a, b }: { field: string; a: Side | null | undefined; b: Side | null | undefined }): Comparison {
  const none = missing(field, 'exact-normalised', a, b);
  if (none) return none;
  const matched = a!.key === b!.key;
  const how = matched ? (a!.shown === b!.shown ? 'exact' : `both ${a!.key} normalised`) : `${a!.key} vs ${b!.key} normalised`;
  return { field, method: 'exact-normalised', matched, score: matched ? 1 : 0, explanation: `${field} ${a!.shown} ${matched ? '=' : '≠'} ${b!.shown}: ${how}` };
}

/**
 * Two records' phone lists share a valid number (in E.164). `alone` says whether that number may link them by itself:
 * false when every shared number is a shared or virtual one (050X, 080, 15XX...), which must be backed by another field.
 */
export function phonesMatch({ a, b }: { a: readonly CleanPhone[]; b: readonly CleanPhone[] }): Comparison & { alone: boolean } {
  const inB = new Map(b.filter((p) => p.matchable).map((p) => [p.e164!, p]));
  const common = a.filter((p) => p.matchable && inB.has(p.e164!));
  const best = common.find((p) => p.alone) ?? common[0];
  if (!best) {
    const list = (ps: readonly CleanPhone[]) => ps.filter((p) => p.matchable).map((p) => p.e164).join(', ') || '(none valid)';
    return { field: 'phone', method: 'exact-normalised', matched: false, score: 0, alone: false, explanation: `phone ${list(a)} ≠ ${list(b)}: no number in common` };
  }
  const other = inB.get(best.e164!)!;
  const note = best.alone ? '' : ` (${best.kind} number: never links alone)`;
  return {
    field: 'phone', method: 'exact-normalised', matched: true, score: 1, alone: best.alone,
    explanation: `phone ${best.raw} = ${other.raw}: both ${best.e164}${note}`,
  };
}
