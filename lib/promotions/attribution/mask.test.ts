import { describe, expect, it } from 'vitest';
import { ageGroup, maskName } from './mask';

describe('maskName', () => {
  it('keeps the first and last syllable of a Korean name', () => {
    expect(maskName('김민준')).toBe('김*준');
    expect(maskName('남궁민수')).toBe('남**수');
    expect(maskName('이서')).toBe('이*');
    expect(maskName('김')).toBe('*');
  });
  it('counts decomposed Hangul (NFD) as syllables', () => {
    expect(maskName('김민준'.normalize('NFD'))).toBe('김*준');
  });
  it('keeps spaces of a Latin name and hides the rest', () => {
    expect(maskName('John Smith')).toBe('J*** ****h');
  });
});

describe('ageGroup', () => {
  it('groups by decade from 10대 to 60대 이상', () => {
    expect([15, 19, 20, 29, 30, 45, 59, 60, 87].map(ageGroup)).toEqual(['10대', '10대', '20대', '20대', '30대', '40대', '50대', '60대 이상', '60대 이상']);
  });
});
