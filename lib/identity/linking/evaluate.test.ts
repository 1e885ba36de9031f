import { describe, expect, it } from 'vitest';
import { cleanse, type SourceRecord } from '../cleansing/cleanse';
import { defaultRuleset } from './default-ruleset';
import { MemoryCandidateIndex } from './candidate-index';
import { explainPair, linkingRule } from './evaluate';
import { parseRuleset, type Ruleset } from './ruleset';
import { syntheticRecords } from './testing/synthetic';

const l1 = (r: SourceRecord) => cleanse(r, { today: '2026-12-15' });
const lines = (e: ReturnType<typeof explainPair>) => e.rules.map((r) => `${r.id} ${r.matched ? 'yes' : 'no'}: ${r.comparisons.map((c) => c.explanation).join('; ')}`);

describe('which rule links two records, and why', () => {
  const di = l1({ name: '김민준', phones: ['010-1234-5678'], email: 'minjun@naver.com', birth: '900102-1', address: '서울 강남구 테헤란로 152' });

  it('R1: the same mobile written two ways and a one-jamo typo in the name', () => {
    const e = explainPair(di, l1({ name: '김민중', phones: ['+82 10 1234 5678'] }), defaultRuleset);
    expect(e.rule).toBe('R1');
    expect(e.score).toBeCloseTo((1 + 0.9556) / 2, 4);
    expect(lines(e)[0]).toBe('R1 yes: phone 010-1234-5678 = +82 10 1234 5678: both +821012345678; name 김민준 ~ 김민중: Jaro-Winkler 0.96 >= 0.94 on jamo');
  });

  it('every rule and every criterion, also after the first rule matched', () => {
    const e = explainPair(di, l1({ name: '김민중', phones: ['+82 10 1234 5678'], birth: '1990-01-02', address: '서울특별시 강남구 역삼동' }), defaultRuleset);
    expect(e.rule).toBe('R1');
    expect(lines(e)).toEqual([
      'R1 yes: phone 010-1234-5678 = +82 10 1234 5678: both +821012345678; name 김민준 ~ 김민중: Jaro-Winkler 0.96 >= 0.94 on jamo',
      'R2 no: email minjun@naver.com vs (none): nothing to compare, never a match; name 김민준 ~ 김민중: Jaro-Winkler 0.96 >= 0.94 on jamo',
      'R3 yes: birth 1990-01-02 = 1990-01-02: same date; address 서울특별시 강남구 = 서울특별시 강남구: same district; name 김민준 ~ 김민중: Jaro-Winkler 0.96 >= 0.95 on jamo',
    ]);
  });

  it('R2: the email in another case, the name with a space; R1 failed on the phone', () => {
    const e = explainPair(di, l1({ name: '김 민준', phones: ['010-9999-0000'], email: ' MinJun@Naver.com ' }), defaultRuleset);
    expect(e.rule).toBe('R2');
    expect(lines(e).slice(0, 2)).toEqual([
      'R1 no: phone +821012345678 ≠ +821099990000: no number in common; name 김민준 ~ 김 민준: Jaro-Winkler 1.00 >= 0.94 on jamo',
      'R2 yes: email minjun@naver.com = MinJun@Naver.com: both minjun@naver.com normalised; name 김민준 ~ 김 민준: Jaro-Winkler 1.00 >= 0.94 on jamo',
    ]);
  });

  it('R3: no contact point in common; a registration number and a written date, 서울 and 서울특별시, 류 and 유', () => {
    const a = l1({ name: '류현진', phones: ['010-1111-2222'], birth: '870325-1234567', address: '서울 송파구 올림픽로 1' });
    const b = l1({ name: '유현진', phones: ['010-3333-4444'], birth: '19870325', address: '서울특별시 송파구 잠실동 2' });
    const e = explainPair(a, b, defaultRuleset);
    expect(e.rule).toBe('R3');
    expect(e.rules.at(-1)!.comparisons.map((c) => c.explanation)).toEqual([
      'birth 1987-03-25 = 1987-03-25: same date', 'address 서울특별시 송파구 = 서울특별시 송파구: same district', 'name 류현진 ~ 유현진: Jaro-Winkler 1.00 >= 0.95 on jamo',
    ]);
  });

  it('a shared virtual number and the same name link nothing', () => {
    const e = explainPair(l1({ name: '이서연', phones: ['0505-123-4567'] }), l1({ name: '이서연', phones: ['05051234567'] }), defaultRuleset);
    expect(e.rule).toBeNull();
    expect(e.rules[0]!.comparisons[0]).toMatchObject({ matched: false, explanation: 'phone 0505-123-4567 = 05051234567: both +825051234567 (shared number: never links alone)' });
  });

  it('namesakes: the same name, nothing else in common', () => {
    const e = explainPair(l1({ name: '김민준', phones: ['010-1111-2222'], birth: '19900102', address: '서울 강남구' }), l1({ name: '김민준', phones: ['010-3333-4444'], birth: '19850607', address: '서울 강남구' }), defaultRuleset);
    expect(e).toMatchObject({ rule: null, score: 0 });
    expect(e.rules.map((r) => r.matched)).toEqual([false, false, false]);
  });

  it('a family sharing a mobile: siblings\' names are further apart than a typo', () => {
    expect(explainPair(l1({ name: '김민준', phones: ['010-1234-5678'] }), l1({ name: '김민재', phones: ['010-1234-5678'] }), defaultRuleset).rule).toBeNull();
  });

  it('other methods: exact as written, edit distance, a shared number allowed, fuzzy email, exact-normalised address', () => {
    const rs = parseRuleset({
      name: 'other', version: 1, rules: [
        { id: 'raw', criteria: [{ field: 'email', method: 'exact-normalised' }, { field: 'name', method: 'exact' }, { field: 'phone', method: 'exact' }] },
        { id: 'edit', criteria: [{ field: 'phone', method: 'exact-normalised', allowShared: true }, { field: 'name', method: 'fuzzy', algorithm: 'edit-distance', maxDistance: 1 }] },
        { id: 'mail', criteria: [{ field: 'name', method: 'exact-normalised' }, { field: 'birth', method: 'date-equal' }, { field: 'email', method: 'fuzzy', algorithm: 'jaro-winkler', threshold: 0.9 }, { field: 'address', method: 'exact-normalised' }] },
      ],
    });
    const a = l1({ name: '박지훈', phones: ['0505-123-4567'], email: 'jihoon@daum.net', birth: '19800101', address: '부산 해운대구 센텀로 1' });
    expect(explainPair(a, l1({ name: '박지혼', phones: ['05051234567'] }), rs).rules.map((r) => [r.id, r.matched, r.comparisons.map((c) => c.explanation)])).toEqual([
      ['raw', false, ['email jihoon@daum.net vs (none): nothing to compare, never a match', 'name 박지훈 ≠ 박지혼: exact', 'phone 0505-123-4567 ≠ 05051234567: exact']],
      ['edit', true, ['phone 0505-123-4567 = 05051234567: both +825051234567 (shared number: never links alone)', 'name 박지훈 ~ 박지혼: edit distance 1 <= 1 on jamo']],
      ['mail', false, ['name 박지훈 ≠ 박지혼: 박지훈 vs 박지혼 normalised', 'birth 1980-01-01 vs (none): nothing to compare, never a match', 'email jihoon@daum.net vs (none): nothing to compare, never a match', 'address 부산 해운대구 센텀로 1 vs (none): nothing to compare, never a match']],
    ]);
    const e = explainPair(a, l1({ name: '박지훈', email: 'jihun@daum.net', birth: '1980.01.01', address: '부산광역시 해운대구 센텀로 1' }), rs);
    expect(e.rule).toBe('mail');
    expect(e.rules.at(-1)!.comparisons.slice(2).map((c) => c.explanation)).toEqual([
      'email jihoon@daum.net ~ jihun@daum.net: Jaro-Winkler 0.91 >= 0.9 on letters', 'address 부산 해운대구 센텀로 1 = 부산광역시 해운대구 센텀로 1: both 부산광역시 해운대구 센텀로 1 normalised',
    ]);
  });

  it('the linking path gives the explanation\'s verdict and score, on every candidate pair of generated records', () => {
    const all = parseRuleset({
      name: 'all', version: 1, rules: [
        { id: 'raw', criteria: [{ field: 'email', method: 'exact' }, { field: 'email', method: 'exact-normalised' }, { field: 'name', method: 'exact' }] },
        { id: 'phones', criteria: [{ field: 'phone', method: 'exact' }, { field: 'phone', method: 'exact-normalised', allowShared: true }, { field: 'name', method: 'fuzzy', algorithm: 'edit-distance', maxDistance: 2 }] },
        { id: 'district', criteria: [{ field: 'name', method: 'exact-normalised' }, { field: 'address', method: 'same-district' }, { field: 'address', method: 'fuzzy', algorithm: 'jaro-winkler', threshold: 0.8 }] },
        { id: 'address', criteria: [{ field: 'email', method: 'exact-normalised' }, { field: 'email', method: 'fuzzy', algorithm: 'jaro-winkler', threshold: 0.9 }, { field: 'address', method: 'fuzzy', algorithm: 'edit-distance', maxDistance: 3 }] },
        { id: 'same-address', criteria: [{ field: 'email', method: 'exact-normalised' }, { field: 'address', method: 'exact-normalised' }, { field: 'address', method: 'exact' }] },
      ],
    });
    const verdicts = new Map<string, number>();
    for (const ruleset of [defaultRuleset, all] as Ruleset[]) {
      const records = syntheticRecords(11, 150);
      const index = new MemoryCandidateIndex(1000);
      for (const r of records) index.add(r);
      const byKey = new Map(records.map((r) => [r.key, r]));
      for (const r of records) {
        for (const c of index.candidates(r)) {
          const [a, b] = [r.l1, byKey.get(c)!.l1];
          const e = explainPair(a, b, ruleset);
          expect(linkingRule(a, b, ruleset)).toEqual(e.rule === null ? null : { rule: e.rule, score: e.score });
          verdicts.set(String(e.rule), (verdicts.get(String(e.rule)) ?? 0) + 1);
        }
      }
    }
    for (const rule of ['R1', 'R2', 'R3', 'null', 'raw', 'phones', 'district', 'address']) expect(verdicts.get(rule)).toBeGreaterThan(0);
  });
});
