/**
 * What the `promotion` topic may say about a buyer: a masked name and an age group, never who they are.
 */

/**
 * 김민준 -> 김*준, 이서 -> 이*, 남궁민수 -> 남**수: the first and last character kept, the rest starred (a two-
 * character name keeps only the first). Characters are code points, so Hangul syllables count as one each; spaces
 * are kept where they are.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.normalize('NFC').trim());
  const letters = chars.filter((c) => c !== ' ').length;
  if (letters <= 1) return letters ? '*' : '';
  let seen = 0;
  return chars.map((c) => {
    if (c === ' ') return c;
    seen++;
    const keep = seen === 1 || (seen === letters && letters > 2);
    return keep ? c : '*';
  }).join('');
}

export const AGE_GROUPS = ['10대', '20대', '30대', '40대', '50대', '60대 이상'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** 10대 ... 60대 이상; any age under 20 counts as 10대. */
export function ageGroup(age: number): AgeGroup {
  if (age >= 60) return '60대 이상';
  if (age < 20) return '10대';
  return AGE_GROUPS[Math.floor(age / 10) - 1]!;
}
