import { describe, expect, it } from 'vitest';
import { cleanAddress } from '../cleansing/address';
import { cleanBirth } from '../cleansing/birth';
import { cleanEmail } from '../cleansing/email';
import { cleanName } from '../cleansing/name';
import { cleanPhone } from '../cleansing/phone';
import { shownScore } from './comparison';
import { dateEqualMatch, sameDistrictMatch } from './date-and-district';
import { exactMatch, exactNormalisedMatch, phonesMatch } from './exact';
import { jaroWinklerMatch, levenshteinMatch } from './fuzzy';

const name = (s: string) => { const n = cleanName(s); return { shown: n.display, key: n.jamo || null }; };
const email = (s: string) => { const e = cleanEmail(s); return { shown: e.raw, key: e.matchable ? e.value : null }; };
const today = '2026-12-15';

describe('Jaro-Winkler on the jamo form', () => {
  it('김민준 ~ 김민중, explained as the page shows it', () => {
    const c = jaroWinklerMatch({ field: 'name', a: name('김민준'), b: name('김민중'), threshold: 0.92 });
    expect(c).toMatchObject({ matched: true, method: 'jaro-winkler', explanation: 'name 김민준 ~ 김민중: Jaro-Winkler 0.96 >= 0.92 on jamo' });
    expect(c.score).toBeCloseTo(0.9556, 4);
  });

  it.each([
    ['류현진', '유현진', 1], ['홍 길동', '홍길동', 1], ['(주)삼성전자', '삼성전자', 1], ['김민준', '김 민준', 1],
  ])('%s and %s are the same name after cleansing', (x, y, score) => {
    expect(jaroWinklerMatch({ field: 'name', a: name(x), b: name(y), threshold: 0.92 })).toMatchObject({ matched: true, score });
  });

  it.each([['김민준', '김민수'], ['김민준', '박민준'], ['이서연', '이서윤'], ['김민준', '김준민']])('%s and %s are not the same at 0.96', (x, y) => {
    const c = jaroWinklerMatch({ field: 'name', a: name(x), b: name(y), threshold: 0.96 });
    expect(c.matched).toBe(false);
    expect(c.explanation).toMatch(new RegExp(`^name ${x} ≁ ${y}: Jaro-Winkler 0\\.\\d+ < 0.96 on jamo$`));
  });

  it('a score on the threshold meets it', () => {
    // 9 of 10 letters, prefix 4: Jaro 14/15, Jaro-Winkler 0.96 on paper
    expect(jaroWinklerMatch({ field: 'name', a: { shown: 'abcdefghij', key: 'abcdefghij' }, b: { shown: 'abcdefghix', key: 'abcdefghix' }, threshold: 0.96, form: 'letters' }))
      .toMatchObject({ matched: true, explanation: 'name abcdefghij ~ abcdefghix: Jaro-Winkler 0.96 >= 0.96 on letters' });
  });

  it('a missing or empty name never matches', () => {
    expect(jaroWinklerMatch({ field: 'name', a: name('김민준'), b: null, threshold: 0.9 })).toMatchObject({ matched: false, score: 0, explanation: 'name 김민준 vs (none): nothing to compare, never a match' });
    expect(jaroWinklerMatch({ field: 'name', a: name('(주)'), b: name('(주)'), threshold: 0.9 }).matched).toBe(false);
  });

  it('the printed score never contradicts the verdict', () => {
    expect(shownScore(0.9199, 0.92)).toBe('0.9199');
    expect(shownScore(0.9201, 0.92)).toBe('0.92');
    expect(shownScore(0.95556, 0.92)).toBe('0.96');
  });
});

describe('Levenshtein', () => {
  it('one jamo apart', () => {
    const c = levenshteinMatch({ field: 'name', a: name('김민준'), b: name('김민중'), maxDistance: 1 });
    expect(c).toMatchObject({ matched: true, explanation: 'name 김민준 ~ 김민중: edit distance 1 <= 1 on jamo' });
    expect(c.score).toBeCloseTo(1 - 1 / 9, 6);
  });

  it('a swapped syllable is several jamo edits', () => {
    expect(levenshteinMatch({ field: 'name', a: name('김민준'), b: name('김준민'), maxDistance: 2 })).toMatchObject({ matched: false, explanation: 'name 김민준 ≁ 김준민: edit distance 4 > 2 on jamo' });
  });

  it('Latin names by letter', () => {
    expect(levenshteinMatch({ field: 'name', a: name('Kim Min-jun'), b: name('KIM MINJUN'), maxDistance: 1, form: 'letters' }).explanation).toBe('name Kim Min-jun ~ KIM MINJUN: edit distance 1 <= 1 on letters');
  });
});

describe('exact and exact normalised', () => {
  it('exact compares what the sources wrote', () => {
    expect(exactMatch({ field: 'email', a: 'kim@naver.com', b: ' kim@naver.com ' })).toMatchObject({ matched: true, explanation: 'email kim@naver.com = kim@naver.com: exact' });
    expect(exactMatch({ field: 'email', a: 'Kim@Naver.com', b: 'kim@naver.com' })).toMatchObject({ matched: false, explanation: 'email Kim@Naver.com ≠ kim@naver.com: exact' });
    expect(exactMatch({ field: 'email', a: '', b: '' }).matched).toBe(false);
  });

  it('exact normalised compares the cleansed keys and shows the written values', () => {
    expect(exactNormalisedMatch({ field: 'email', a: email(' Kim@Naver.com'), b: email('kim@naver.com') })).toMatchObject({ matched: true, explanation: 'email Kim@Naver.com = kim@naver.com: both kim@naver.com normalised' });
    expect(exactNormalisedMatch({ field: 'email', a: email('kim@naver.com'), b: email('kim@daum.net') }).explanation).toBe('email kim@naver.com ≠ kim@daum.net: kim@naver.com vs kim@daum.net normalised');
  });

  it('an invalid or placeholder email is never compared', () => {
    expect(exactNormalisedMatch({ field: 'email', a: email('none@none.com'), b: email('none@none.com') })).toMatchObject({ matched: false, explanation: 'email none@none.com (not comparable) vs none@none.com (not comparable): nothing to compare, never a match' });
  });

  it('phones: any number in common, in any format', () => {
    const c = phonesMatch({ a: ['02-123-4567', '010-1234-5678'].map(cleanPhone), b: ['+82 10 1234 5678'].map(cleanPhone) });
    expect(c).toMatchObject({ matched: true, alone: true, explanation: 'phone 010-1234-5678 = +82 10 1234 5678: both +821012345678' });
  });

  it('a shared number in common matches but never links alone', () => {
    const c = phonesMatch({ a: [cleanPhone('0505-123-4567')], b: [cleanPhone('05051234567')] });
    expect(c).toMatchObject({ matched: true, alone: false, explanation: 'phone 0505-123-4567 = 05051234567: both +825051234567 (shared number: never links alone)' });
  });

  it('invalid phones are never compared', () => {
    expect(phonesMatch({ a: [cleanPhone('010-123')], b: [cleanPhone('010-123')] })).toMatchObject({ matched: false, explanation: 'phone (none valid) ≠ (none valid): no number in common' });
  });
});

describe('date equal', () => {
  it('a resident registration number and a written date of the same day', () => {
    const [a, b] = [cleanBirth('900102-1234567', { today }), cleanBirth('1990.01.02', { today })];
    expect(dateEqualMatch({ a: a.date, b: b.date })).toMatchObject({ matched: true, explanation: 'birth 1990-01-02 = 1990-01-02: same date' });
  });

  it('the seed\'s century error would have hidden this: 2005 (digit 4) is not 1905', () => {
    expect(dateEqualMatch({ a: cleanBirth('050315-4234567', { today }).date, b: '1905-03-15' })).toMatchObject({ matched: false, explanation: 'birth 2005-03-15 ≠ 1905-03-15: different dates' });
  });

  it('a refused date never matches', () => {
    expect(dateEqualMatch({ a: cleanBirth('19900230', { today }).date, b: cleanBirth('19900230', { today }).date }).matched).toBe(false);
  });
});

describe('same district', () => {
  it('서울 and 서울특별시 with the same 구', () => {
    expect(sameDistrictMatch({ a: cleanAddress('서울 강남구 테헤란로 152'), b: cleanAddress('서울특별시 강남구 역삼동 736-1 101동 1203호') })).toMatchObject({ matched: true, score: 1, explanation: 'address 서울특별시 강남구 = 서울특별시 강남구: same district' });
  });

  it('a city with and without its 일반구', () => {
    expect(sameDistrictMatch({ a: cleanAddress('경기 수원시 광교로 145'), b: cleanAddress('경기도 수원시 영통구 광교로 145') })).toMatchObject({ matched: true, explanation: 'address 경기도 수원시 = 경기도 수원시 영통구: same city, one side without its 구' });
    expect(sameDistrictMatch({ a: cleanAddress('경기 수원시 장안구 1'), b: cleanAddress('경기도 수원시 영통구 1') }).matched).toBe(false);
  });

  it('중구 of 서울 is not 중구 of 부산, and a 중구 without a 시/도 matches nothing', () => {
    expect(sameDistrictMatch({ a: cleanAddress('서울 중구 세종대로 110'), b: cleanAddress('부산 중구 중앙대로 1') })).toMatchObject({ matched: false, explanation: 'address 서울특별시 중구 ≠ 부산광역시 중구: different districts' });
    expect(sameDistrictMatch({ a: cleanAddress('중구 세종대로 110'), b: cleanAddress('중구 세종대로 110') }).matched).toBe(false);
  });

  it('광주광역시 and 경기도 광주시 are different', () => {
    expect(sameDistrictMatch({ a: cleanAddress('광주 서구 상무대로 1'), b: cleanAddress('광주시 오포읍 능평로 11') }).matched).toBe(false);
  });
});
