import { describe, expect, it } from 'vitest';
import { cleanAddress } from './address';
import { SIDO, SIDO_BY_ALIAS } from './sido';

describe('address', () => {
  it.each([
    ['서울', '서울특별시'], ['서울시', '서울특별시'], ['서울특별시', '서울특별시'], ['부산', '부산광역시'], ['부산시', '부산광역시'],
    ['대구시', '대구광역시'], ['인천', '인천광역시'], ['광주광역시', '광주광역시'], ['대전시', '대전광역시'], ['울산', '울산광역시'],
    ['세종시', '세종특별자치시'], ['경기', '경기도'], ['경기도', '경기도'], ['강원', '강원특별자치도'], ['강원도', '강원특별자치도'],
    ['충북', '충청북도'], ['충청남도', '충청남도'], ['전북', '전북특별자치도'], ['전라북도', '전북특별자치도'], ['전남', '전라남도'],
    ['경북', '경상북도'], ['경남', '경상남도'], ['제주', '제주특별자치도'], ['제주도', '제주특별자치도'], ['제주특별자치도', '제주특별자치도'],
  ])('%s -> %s', (alias, sido) => {
    expect(cleanAddress(`${alias} 어느구 어느로 1`).sido).toBe(sido);
  });

  it('every one of the 17 is its own alias, and every alias lands on one of them', () => {
    expect(SIDO).toHaveLength(17);
    for (const s of SIDO) expect(SIDO_BY_ALIAS.get(s)).toBe(s);
    for (const v of SIDO_BY_ALIAS.values()) expect(SIDO).toContain(v);
  });

  it('서울 / 서울시 / 서울특별시 give the same normalised address and district', () => {
    const forms = ['서울 강남구 테헤란로 152', '서울시 강남구 테헤란로 152', '서울특별시  강남구 테헤란로 152', '서울특별시강남구 테헤란로 152'].map(cleanAddress);
    for (const a of forms) expect(a).toMatchObject({ normalised: '서울특별시 강남구 테헤란로 152', district: '서울특별시 강남구', street: '테헤란로 152' });
  });

  it.each([
    ['서울시 강남구 테헤란로 152, 101동 1203호 (역삼동, 래미안)', '101동 1203호', '역삼동, 래미안'],
    ['서울특별시 강남구 역삼동 123-45 101동 1203호', '101동 1203호', null], ['서울 강남구 테헤란로 152 101동1203호', '101동1203호', null],
    ['경기 수원시 영통구 광교로 145 A동 201호', 'A동 201호', null], ['서울 강남구 테헤란로 152 제101동 제1203호', '제101동 제1203호', null],
    ['서울 중구 세종대로 110 3층', '3층', null], ['인천 남동구 구월동 1234 2층 201호', '2층 201호', null], ['부산 해운대구 센텀중앙로 55, 101-1203', '101-1203', null],
    ['서울 강남구 역삼동 736-1', null, null],
  ])('unit split off: %s', (raw, unit, reference) => {
    const a = cleanAddress(raw);
    expect([a.unit, a.reference]).toEqual([unit, reference]);
    expect(a.normalised).not.toMatch(/호|층|\(/);
  });

  it('a comma before the road number is not the start of the unit', () => {
    expect(cleanAddress('서울, 강남구, 테헤란로 152, 101동 1203호')).toMatchObject({ sido: '서울특별시', sigungu: '강남구', street: '테헤란로 152', unit: '101동 1203호' });
  });

  it('a neighbourhood (역삼동) is not a unit', () => {
    expect(cleanAddress('서울 강남구 역삼동 736-1')).toMatchObject({ street: '역삼동 736-1', unit: null });
  });

  it.each([
    ['(06236) 서울특별시 강남구 테헤란로 152', '06236', null], ['[06236] 서울 강남구 테헤란로 152', '06236', null], ['06236 서울 강남구 테헤란로 152', '06236', null],
    ['서울 강남구 테헤란로 152 06236', '06236', null], ['우)06236 서울 강남구 테헤란로 152', '06236', null],
    ['135-080 서울 강남구 역삼동 736-1', null, '135-080'], ['(135-080) 서울 강남구 역삼동 736-1', null, '135-080'],
  ])('postcode in %s', (raw, postcode, legacy) => {
    const a = cleanAddress(raw);
    expect([a.postcode, a.legacyPostcode, a.sido, a.sigungu]).toEqual([postcode, legacy, '서울특별시', '강남구']);
    expect(a.flags).toEqual(legacy ? ['legacy-postcode'] : []);
  });

  it('a five-digit number outside the postcode range is not a postcode', () => {
    expect(cleanAddress('99999 서울 강남구 테헤란로 152').postcode).toBeNull();
  });

  it.each([
    ['경기 수원시 영통구 광교로 145', '경기도', '수원시 영통구'], ['전라북도 전주시 완산구 효자동 1', '전북특별자치도', '전주시 완산구'],
    ['경남 창원시 의창구 중앙대로 1', '경상남도', '창원시 의창구'], ['강원도 춘천시 중앙로 1', '강원특별자치도', '춘천시'], ['경북 울릉군 울릉읍 1', '경상북도', '울릉군'],
    ['제주 서귀포시 중앙로 1', '제주특별자치도', '서귀포시'], ['부산 부산진구 중앙대로 1', '부산광역시', '부산진구'],
  ])('시/군/구 of %s', (raw, sido, sigungu) => {
    expect(cleanAddress(raw)).toMatchObject({ sido, sigungu, district: `${sido} ${sigungu}` });
  });

  it('세종 has no 시/군/구: the 시 is the district', () => {
    expect(cleanAddress('세종시 한누리대로 2130')).toMatchObject({ sido: '세종특별자치시', sigungu: null, district: '세종특별자치시', street: '한누리대로 2130' });
  });

  it.each([
    ['광주 광산구 하남대로 1', '광주광역시', '광산구', []], ['광주시 서구 상무대로 1', '광주광역시', '서구', []], ['광주 상무대로 1', '광주광역시', null, []],
    ['경기도 광주시 오포읍 능평로 11', '경기도', '광주시', []], ['광주시 오포읍 능평로 11', '경기도', '광주시', ['sido-inferred']],
    ['광주 곤지암읍 1', '경기도', '광주시', ['sido-inferred']],
  ])('광주 is 광주광역시 with one of its 구, else 경기도 광주시: %s', (raw, sido, sigungu, flags) => {
    expect(cleanAddress(raw)).toMatchObject({ sido, sigungu, flags });
  });

  it('without a 시/도 the 시/군/구 is kept but no district is guessed (중구 is in six of them; 부산진구 is not 부산 + 진구)', () => {
    expect(cleanAddress('중구 세종대로 110')).toMatchObject({ sido: null, sigungu: '중구', district: null, flags: ['no-sido'] });
    expect(cleanAddress('부산진구 중앙대로 1')).toMatchObject({ sido: null, sigungu: '부산진구', flags: ['no-sido'] });
  });

  it('a leading country name and odd spacing are dropped; blank is empty', () => {
    expect(cleanAddress(' 대한민국  서울   중구 세종대로 110 ').normalised).toBe('서울특별시 중구 세종대로 110');
    expect(cleanAddress('  ')).toMatchObject({ normalised: '', flags: ['empty'] });
  });
});
