import { describe, expect, it } from 'vitest';
import { cleanse, type SourceRecord } from '../cleansing/cleanse';
import type { Gender } from '../cleansing/birth';
import { parseUnifyConfig } from './config';
import { unify, type UnifyRecord } from './unify';

const today = '2026-12-15';
const rec = (key: string, updatedAt: string, r: SourceRecord, gender?: Gender): UnifyRecord =>
  ({ key, source: key.slice(0, 2), updatedAt, l1: cleanse(r, { today }), ...(gender ? { gender } : {}) });

// One customer in the three sources: a salesman's record with (주) and a space, a shop account with a typo in the
// name, and a support contact with the registration number's front and a home line.
const di = rec('DI:C00000001', '2026-01-10T09:00:00Z', { name: '김 민준(주)', phones: ['010-1234-5678'], email: 'KIM.MJ@Naver.com ', address: '서울 강남구' });
const om = rec('OM:U00000001', '2026-06-01T12:00:00Z', { name: '김민중', phones: ['01012345678'], email: 'kim.mj@naver.com', birth: '19900102', address: '서울특별시 강남구 테헤란로 152 101동 1203호' }, 'M');
const cx = rec('CX:00000001', '2025-03-01T08:30:00Z', { name: '김민준', phones: ['+82-10-1234-5678', '02-555-1234'], birth: '900102-1', address: '(06236) 서울시 강남구 테헤란로 152, 101동 1203호' });

describe('unify', () => {
  const golden = unify([di, om, cx]);

  it('name: the support desk’s spelling wins by source priority; the salesman’s (주) version agrees with it', () => {
    expect(golden.name).toEqual({
      value: '김민준',
      provenance: { record: 'CX:00000001', source: 'CX', rule: 'source-priority', agreeing: ['CX:00000001', 'DI:C00000001'], values: 2, why: 'CX first in CX > OM > DI' },
    });
  });

  it('birth date and gender: every record that has one agrees', () => {
    expect(golden.birthDate).toMatchObject({ value: '1990-01-02', provenance: { rule: 'only-value', record: 'CX:00000001', agreeing: ['CX:00000001', 'OM:U00000001'], why: 'all 2 records agree' } });
    expect(golden.gender).toMatchObject({ value: 'M', provenance: { rule: 'only-value', agreeing: ['CX:00000001', 'OM:U00000001'] } });
  });

  it('address: the full address over the salesman’s region, shown with its unit and postcode; 서울시 = 서울특별시', () => {
    expect(golden.address?.value).toEqual({
      text: '서울특별시 강남구 테헤란로 152, 101동 1203호', sido: '서울특별시', sigungu: '강남구', district: '서울특별시 강남구',
      street: '테헤란로 152', unit: '101동 1203호', postcode: '06236',
    });
    expect(golden.address?.provenance).toMatchObject({ record: 'CX:00000001', rule: 'only-value', agreeing: ['CX:00000001', 'OM:U00000001'], values: 1 });
  });

  it('phones: one contact point per number whatever its format, with every source holding it; the home line kept', () => {
    expect(golden.phones).toEqual([
      { value: '+821012345678', shown: '01012345678', kind: 'mobile', usable: true, sources: ['CX', 'DI', 'OM'], records: ['OM:U00000001', 'DI:C00000001', 'CX:00000001'], lastSeen: '2026-06-01T12:00:00.000Z' },
      { value: '+8225551234', shown: '02-555-1234', kind: 'landline', usable: true, sources: ['CX'], records: ['CX:00000001'], lastSeen: '2025-03-01T08:30:00.000Z' },
    ]);
  });

  it('emails: trimmed and lowercased into one', () => {
    expect(golden.emails).toEqual([{ value: 'kim.mj@naver.com', shown: 'kim.mj@naver.com', usable: true, sources: ['DI', 'OM'], records: ['OM:U00000001', 'DI:C00000001'], lastSeen: '2026-06-01T12:00:00.000Z' }]);
  });

  it('lists the records and the newest change', () => {
    expect(golden.records).toEqual(['CX:00000001', 'DI:C00000001', 'OM:U00000001']);
    expect(golden.updatedAt).toBe('2026-06-01T12:00:00.000Z');
  });

  it('does not depend on the order of the records', () => {
    expect(unify([cx, om, di])).toEqual(golden);
    expect(unify([om, di, cx])).toEqual(golden);
  });

  it('a move: the newest address wins, the old one is not kept', () => {
    const before = rec('OM:U2', '2024-02-01T00:00:00Z', { name: '박서연', address: '부산 해운대구 센텀중앙로 55, 103동 804호' });
    const after = rec('CX:2', '2026-09-01T00:00:00Z', { name: '박서연', address: '경기 성남시 분당구 판교역로 235' });
    const g = unify([before, after]);
    expect(g.address).toMatchObject({ value: { text: '경기도 성남시 분당구 판교역로 235', district: '경기도 성남시 분당구' }, provenance: { record: 'CX:2', rule: 'most-recent', values: 2, why: 'the most recent record (2026-09-01T00:00:00.000Z)' } });
  });

  it('a changed email and a legacy 011 number: all kept, the most recently seen first', () => {
    const old = rec('DI:C2', '2023-05-01T00:00:00Z', { name: '이영수', phones: ['011-234-5678'], email: 'ys.lee@hanmail.net' });
    const now = rec('OM:U3', '2026-05-01T00:00:00Z', { name: '이영수', phones: ['010 2234 5678'], email: 'yslee@gmail.com' });
    const g = unify([old, now]);
    expect(g.emails.map((e) => e.value)).toEqual(['yslee@gmail.com', 'ys.lee@hanmail.net']);
    expect(g.phones.map((p) => [p.value, p.shown])).toEqual([['+821022345678', '010 2234 5678'], ['+82112345678', '011-234-5678']]);
  });

  it('empty values never win: a blank, an invalid birth date, a name of only (주)', () => {
    const a = rec('CX:3', '2026-10-01T00:00:00Z', { name: '(주)', birth: '19900230', email: 'none@none.com', phones: ['1588-1234', '없음'] });
    const b = rec('OM:U4', '2025-01-01T00:00:00Z', { name: '류현진', birth: '1987-03-25' }, 'M');
    const g = unify([a, b]);
    expect(g.name).toMatchObject({ value: '류현진', provenance: { record: 'OM:U4', rule: 'only-value', why: 'the only record with a value' } });
    expect(g.birthDate?.value).toBe('1987-03-25');
    expect(g.address).toBeNull();
    // kept as contact points, but marked: a placeholder email, a company's representative number, a word in the phone column
    expect(g.emails).toEqual([expect.objectContaining({ value: 'none@none.com', usable: false })]);
    expect(g.phones.map((p) => [p.value, p.kind, p.usable])).toEqual([['+8215881234', 'shared', true], ['invalid:없음', 'invalid', false]]);
  });

  it('류/유: one name; the configured source decides how it is written', () => {
    const cxRyu = rec('CX:4', '2025-01-01T00:00:00Z', { name: '류현진' });
    const omYu = rec('OM:U5', '2026-01-01T00:00:00Z', { name: '유 현진' });
    expect(unify([cxRyu, omYu]).name).toMatchObject({ value: '류현진', provenance: { rule: 'only-value', agreeing: ['CX:4', 'OM:U5'] } });
    const shopFirst = parseUnifyConfig({ fields: { name: [{ rule: 'source-priority', sources: ['OM', 'CX'] }] } });
    expect(unify([cxRyu, omYu], shopFirst).name?.value).toBe('유 현진');
  });

  it('a mistyped birth day is outvoted by the other records', () => {
    const g = unify([
      rec('OM:U6', '2026-11-01T00:00:00Z', { name: '정하은', birth: '19950713' }),
      rec('CX:5', '2024-01-01T00:00:00Z', { name: '정하은', birth: '950712-2' }),
      rec('CX:6', '2025-01-01T00:00:00Z', { name: '정하은', birth: '950712-2' }),
    ]);
    expect(g.birthDate).toMatchObject({ value: '1995-07-12', provenance: { rule: 'most-frequent', record: 'CX:6', agreeing: ['CX:6', 'CX:5'], values: 2, why: 'held by 2 of 3 records' } });
    expect(g.gender).toMatchObject({ value: 'F', provenance: { rule: 'only-value' } });
  });

  it('refuses no records, a record given twice, or a time that is not one', () => {
    expect(() => unify([])).toThrow(/at least one record/);
    expect(() => unify([om, om])).toThrow(/OM:U00000001 given twice/);
    expect(() => unify([{ ...om, updatedAt: 'yesterday' }])).toThrow(/not a time/);
  });
});
