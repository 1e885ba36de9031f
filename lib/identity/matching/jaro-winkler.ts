/**
 * Jaro similarity (0..1): characters in common within half the longer length, less half the transpositions.
 * Strings are compared by UTF-16 unit, which is a character for jamo, Hangul and Latin (all in the BMP).
 */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length, lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const ma = new Uint8Array(la), mb = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const c = a.charCodeAt(i), hi = Math.min(lb - 1, i + window);
    for (let j = Math.max(0, i - window); j <= hi; j++) {
      if (mb[j] || b.charCodeAt(j) !== c) continue;
      ma[i] = mb[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[j]) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) halfTranspositions++;
    j++;
  }
  return (matches / la + matches / lb + (matches - halfTranspositions / 2) / matches) / 3;
}

/**
 * Jaro-Winkler as Winkler (1990) defined it, and as DuckDB/rapidfuzz (Splink's back end) compute it: a common prefix
 * of up to 4 characters raises the Jaro score by 0.1 per character of the remaining gap, only when Jaro is above 0.7.
 * Written here (30 lines) because the small npm packages get it wrong: @skyra/jaro-winkler counts a 4-character prefix
 * as 5 and uses a window one too wide.
 */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j <= 0.7) return j;
  const max = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}
