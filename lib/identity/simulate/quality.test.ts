import { describe, expect, it } from 'vitest';
import { pairwiseQuality } from './quality';

const truth = new Map(Object.entries({ a1: 'A', a2: 'A', a3: 'A', b1: 'B', b2: 'B', c1: 'C' }));

describe('pairwiseQuality', () => {
  it('a perfect grouping scores 1 everywhere', () => {
    const q = pairwiseQuality(truth, new Map(Object.entries({ a1: 'g1', a2: 'g1', a3: 'g1', b1: 'g2', b2: 'g2', c1: 'g3' })));
    expect(q).toEqual({ records: 6, groups: 3, people: 3, truePairs: 4, predictedPairs: 4, actualPairs: 4, precision: 1, recall: 1, f1: 1, purity: 1, inversePurity: 1 });
  });

  it('a mixed grouping, counted by hand', () => {
    // g1 = {a1, a2, b1}: 3 pairs, 1 true (a1-a2); g2 = {a3}; g3 = {b2, c1}: 1 pair, false.
    // true pairs: a1-a2, a1-a3, a2-a3, b1-b2 = 4. Precision 1/4, recall 1/4.
    const q = pairwiseQuality(truth, new Map(Object.entries({ a1: 'g1', a2: 'g1', b1: 'g1', a3: 'g2', b2: 'g3', c1: 'g3' })));
    expect(q).toMatchObject({ groups: 3, truePairs: 1, predictedPairs: 4, actualPairs: 4, precision: 0.25, recall: 0.25, f1: 0.25 });
    // purity: g1's best person A has 2, g2 1, g3 1 -> 4/6; inverse: A's best group holds 2, B 1, C 1 -> 4/6
    expect(q.purity).toBeCloseTo(4 / 6, 12);
    expect(q.inversePurity).toBeCloseTo(4 / 6, 12);
  });

  it('everything in one group: recall 1, precision 4/15', () => {
    const q = pairwiseQuality(truth, new Map([...truth.keys()].map((k) => [k, 'all'])));
    expect(q).toMatchObject({ groups: 1, predictedPairs: 15, truePairs: 4, recall: 1, purity: 0.5, inversePurity: 1 });
    expect(q.precision).toBeCloseTo(4 / 15, 12);
    expect(q.f1).toBeCloseTo((2 * (4 / 15)) / (4 / 15 + 1), 12);
  });

  it('records missing from the prediction are groups of their own: nothing claimed, precision 1, recall 0', () => {
    const q = pairwiseQuality(truth, new Map());
    expect(q).toMatchObject({ groups: 6, predictedPairs: 0, truePairs: 0, precision: 1, recall: 0, f1: 0, purity: 1, inversePurity: 0.5 });
    // two groups named alike by the linker but one of them absent: a3 alone, the rest right
    expect(pairwiseQuality(truth, new Map(Object.entries({ a1: 'g1', a2: 'g1', b1: 'g2', b2: 'g2' })))).toMatchObject({ truePairs: 2, predictedPairs: 2, actualPairs: 4, precision: 1, recall: 0.5 });
  });

  it('no true pairs at all: recall is 1 (nothing to find)', () => {
    const q = pairwiseQuality(new Map([['x', 'X'], ['y', 'Y']]), new Map([['x', 'g'], ['y', 'g']]));
    expect(q).toMatchObject({ precision: 0, recall: 1, f1: 0, actualPairs: 0, predictedPairs: 1 });
  });

  it('refuses a predicted record the truth does not know', () => {
    expect(() => pairwiseQuality(truth, new Map([['zz', 'g']]))).toThrow(/zz is not in the ground truth/);
  });

  it('counts pairs without listing them: 20,000 records in one group are 2e8 pairs', () => {
    const big = new Map<string, string>(), one = new Map<string, string>();
    for (let i = 0; i < 20_000; i++) {
      big.set(`r${i}`, `P${i % 2}`);
      one.set(`r${i}`, 'g');
    }
    const q = pairwiseQuality(big, one);
    expect(q.predictedPairs).toBe(199_990_000);
    expect(q.truePairs).toBe(2 * 49_995_000);
    expect(q.recall).toBe(1);
  });
});
