import { describe, expect, it } from 'vitest';
import { beta25, mulberry32, stochasticRound, weightedIndex, WeightedTable } from './rng';

const N = 20_000;

describe('rng', () => {
  it('repeats with the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(xs).toEqual(Array.from({ length: 5 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws Beta(2,5): mean 2/7, variance 10/392', () => {
    const rng = mulberry32(7);
    const xs = Array.from({ length: N }, () => beta25(rng));
    const mean = xs.reduce((s, x) => s + x, 0) / N;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / N;
    expect(mean).toBeCloseTo(2 / 7, 2);
    expect(variance).toBeCloseTo(10 / 392, 2);
  });

  it('weighted draws follow the weights (linear and table alike)', () => {
    const rng = mulberry32(3);
    const weights = [1, 0, 3, 6];
    const lin = [0, 0, 0, 0];
    const tab = [0, 0, 0, 0];
    const table = new WeightedTable([0, 1, 2, 3], (i) => weights[i]!);
    for (let i = 0; i < N; i++) {
      lin[weightedIndex(rng, weights)]!++;
      tab[table.draw(rng)]!++;
    }
    for (const c of [lin, tab]) {
      expect(c[1]).toBe(0);
      expect(c[0]! / N).toBeCloseTo(0.1, 1);
      expect(c[3]! / N).toBeCloseTo(0.6, 1);
    }
  });

  it('rounds stochastically with the right mean', () => {
    const rng = mulberry32(9);
    let s = 0;
    for (let i = 0; i < N; i++) s += stochasticRound(rng, 0.3);
    expect(s / N).toBeCloseTo(0.3, 1);
  });
});
