/** Pairwise and cluster quality of a predicted grouping against the ground truth. */
export interface Quality {
  records: number;
  /** distinct predicted groups and true people among the scored records */
  groups: number;
  people: number;
  /** pairs of records put in one group that are one person (true positives), pairs put together, pairs that are one person */
  truePairs: number;
  predictedPairs: number;
  actualPairs: number;
  precision: number;
  recall: number;
  f1: number;
  /** share of records that belong to their group's most common person (1: no group mixes people) */
  purity: number;
  /** share of records that sit in their person's most common group (1: no person is split) */
  inversePurity: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;
// cells are group * LIMIT + person: exact in a double while both stay under 2^26 (67 million)
const LIMIT = 2 ** 26;

/**
 * Scores `predicted` (record key -> group id) against `truth` (record key -> person id) without listing pairs: the
 * pairs in a group are C(n, 2), the true pairs in it the sum of C(k, 2) over the people it holds, so the whole run is
 * one pass over the records and a count per (group, person) cell. A record of the truth missing from `predicted` is a group of its
 * own (the linker never saw it, or left it alone); a predicted key unknown to the truth is an error.
 *
 * precision = true pairs / predicted pairs, recall = true pairs / actual pairs; with no pairs on a side, that side is 1
 * (nothing claimed, nothing wrong). Counts stay exact in a double far past 3 million records (C(3e6, 2) < 2^53).
 */
export function pairwiseQuality(truth: ReadonlyMap<string, string>, predicted: ReadonlyMap<string, string>): Quality {
  for (const key of predicted.keys()) if (!truth.has(key)) throw new Error(`record ${key} is not in the ground truth`);
  // group and person ids as small integers, so a (group, person) cell is one number
  const groupOf = new Map<string, number>(), personOf = new Map<string, number>();
  const groupSize: number[] = [], personSize: number[] = [];
  const cells = new Map<number, number>();
  for (const [key, person] of truth) {
    const group = predicted.get(key);
    const g = intern(groupOf, groupSize, group ?? `\u0000alone:${key}`);
    const p = intern(personOf, personSize, person);
    groupSize[g]!++;
    personSize[p]!++;
    const cell = g * LIMIT + p;
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }

  let truePairs = 0;
  const bestOfGroup = new Array<number>(groupSize.length).fill(0), bestOfPerson = new Array<number>(personSize.length).fill(0);
  for (const [cell, n] of cells) {
    const g = Math.floor(cell / LIMIT), p = cell % LIMIT;
    truePairs += pairs(n);
    if (n > bestOfGroup[g]!) bestOfGroup[g] = n;
    if (n > bestOfPerson[p]!) bestOfPerson[p] = n;
  }
  const sum = (xs: number[], f: (x: number) => number = (x) => x) => xs.reduce((a, x) => a + f(x), 0);
  const predictedPairs = sum(groupSize, pairs), actualPairs = sum(personSize, pairs);
  const precision = predictedPairs === 0 ? 1 : truePairs / predictedPairs;
  const recall = actualPairs === 0 ? 1 : truePairs / actualPairs;
  const records = truth.size;
  return {
    records, groups: groupSize.length, people: personSize.length,
    truePairs, predictedPairs, actualPairs, precision, recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    purity: records ? sum(bestOfGroup) / records : 1,
    inversePurity: records ? sum(bestOfPerson) / records : 1,
  };
}

function intern(index: Map<string, number>, sizes: number[], id: string): number {
  let i = index.get(id);
  if (i === undefined) {
    i = sizes.push(0) - 1;
    if (i >= LIMIT) throw new RangeError(`more than ${LIMIT} groups or people`);
    index.set(id, i);
  }
  return i;
}
