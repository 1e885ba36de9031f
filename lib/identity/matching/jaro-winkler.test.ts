import { describe, expect, it } from 'vitest';
import { cleanName } from '../cleansing/name';
import { jaro, jaroWinkler } from './jaro-winkler';

describe('Jaro-Winkler', () => {
  // Winkler's and the textbook examples
  it.each([
    ['MARTHA', 'MARHTA', 0.9444, 0.9611], ['DWAYNE', 'DUANE', 0.8222, 0.84], ['DIXON', 'DICKSONX', 0.7667, 0.8133],
    ['CRATE', 'TRACE', 0.7333, 0.7333], ['JELLYFISH', 'SMELLYFISH', 0.8963, 0.8963],
  ])('%s / %s: Jaro %d, Jaro-Winkler %d', (a, b, j, jw) => {
    expect(jaro(a, b)).toBeCloseTo(j, 4);
    expect(jaroWinkler(a, b)).toBeCloseTo(jw, 4);
  });

  it('is symmetric, 1 for equal strings and 0 with nothing in common or an empty side', () => {
    expect(jaroWinkler('ㄱㅣㅁ', 'ㄱㅣㅁ')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'abc')).toBe(0);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBe(jaroWinkler('DICKSONX', 'DIXON'));
  });

  it('a one-jamo typo in a Korean name scores high on jamo, where whole syllables would not', () => {
    const [a, b] = [cleanName('김민준'), cleanName('김민중')];
    expect(jaroWinkler(a.jamo, b.jamo)).toBeCloseTo(0.9556, 4);
    expect(jaroWinkler(a.key, b.key)).toBeCloseTo(0.8222, 4);
    expect(jaroWinkler(cleanName('김민준').jamo, cleanName('박서연').jamo)).toBeLessThan(0.6);
  });
});
