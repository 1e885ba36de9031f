import { describe, expect, it } from 'vitest';
import type { UnifyRule } from './config';
import { reconcile, type Candidate } from './reconcile';

const t = (day: number) => Date.UTC(2026, 0, day);
/** a name candidate: the key folded the way cleansing folds it, enough for these cases */
const c = (key: string, source: string, day: number, value: string, compareAs = value.replace(/\s/g, ''), richness?: number): Candidate<string> =>
  ({ origin: { key, source, updatedAt: t(day) }, value, compareAs, ...(richness === undefined ? {} : { richness }) });
const SUPPORT_FIRST: UnifyRule = { rule: 'source-priority', sources: ['CX', 'OM', 'DI'] };
const RECENT: UnifyRule = { rule: 'most-recent' };
const FREQUENT: UnifyRule = { rule: 'most-frequent' };

describe('reconcile', () => {
  it('nothing to choose from: null (empty values never win)', () => {
    expect(reconcile([], [SUPPORT_FIRST])).toBeNull();
  });

  it('one value everywhere: only-value, shown by the newest record, every holder listed', () => {
    const r = reconcile([c('DI:C1', 'DI', 1, '김 민준'), c('OM:U1', 'OM', 9, '김민준'), c('CX:1', 'CX', 5, '김민준')], [RECENT]);
    expect(r).toEqual({ value: '김민준', provenance: { record: 'OM:U1', source: 'OM', rule: 'only-value', agreeing: ['OM:U1', 'CX:1', 'DI:C1'], values: 1, why: 'all 3 records agree' } });
  });

  it('source priority CX > OM > DI picks the support desk’s spelling', () => {
    const r = reconcile([c('DI:C1', 'DI', 9, '김민중'), c('OM:U1', 'OM', 8, '김민증'), c('CX:1', 'CX', 1, '김민준')], [SUPPORT_FIRST, RECENT]);
    expect(r?.value).toBe('김민준');
    expect(r?.provenance).toMatchObject({ record: 'CX:1', rule: 'source-priority', values: 3, why: 'CX first in CX > OM > DI' });
  });

  it('a source with no value is passed over: OM before DI when CX has none', () => {
    const r = reconcile([c('DI:C1', 'DI', 9, '이서연'), c('OM:U1', 'OM', 1, '이서윤')], [SUPPORT_FIRST]);
    expect(r?.provenance).toMatchObject({ record: 'OM:U1', source: 'OM', rule: 'source-priority', why: 'OM first in CX > OM > DI' });
  });

  it('sources the list leaves out come after those it names', () => {
    const r = reconcile([c('XX:1', 'XX', 9, '박지훈'), c('DI:C1', 'DI', 1, '박치훈')], [SUPPORT_FIRST]);
    expect(r?.provenance.record).toBe('DI:C1');
  });

  it('a rule that cannot choose hands over to the next: two CX records, the newer wins', () => {
    const r = reconcile([c('CX:1', 'CX', 1, '최유진'), c('CX:2', 'CX', 3, '최유친'), c('OM:U1', 'OM', 9, '최유진')], [SUPPORT_FIRST, RECENT]);
    expect(r).toMatchObject({ value: '최유친', provenance: { record: 'CX:2', rule: 'most-recent', agreeing: ['CX:2'], why: 'the most recent record (2026-01-03T00:00:00.000Z)' } });
  });

  it('most frequent outvotes one mistyped record, compared normalised (홍 길동 = 홍길동)', () => {
    const r = reconcile([c('DI:C1', 'DI', 1, '홍 길동'), c('OM:U1', 'OM', 2, '홍길동'), c('CX:1', 'CX', 9, '홍길똥')], [FREQUENT, SUPPORT_FIRST]);
    expect(r).toMatchObject({ value: '홍길동', provenance: { record: 'OM:U1', rule: 'most-frequent', agreeing: ['OM:U1', 'DI:C1'], why: 'held by 2 of 3 records' } });
  });

  it('a frequency tie goes to the next rule', () => {
    const r = reconcile([c('DI:C1', 'DI', 1, '1990-01-02'), c('OM:U1', 'OM', 2, '1990-01-02'), c('CX:1', 'CX', 3, '1990-01-03'), c('CX:2', 'CX', 4, '1990-01-03')], [FREQUENT, SUPPORT_FIRST]);
    expect(r).toMatchObject({ value: '1990-01-03', provenance: { record: 'CX:2', rule: 'source-priority' } });
  });

  it('values the rules cannot separate: the newest record’s, equal times the smaller key (stated tie-break)', () => {
    const r = reconcile([c('OM:U1', 'OM', 1, '서울'), c('OM:U2', 'OM', 5, '부산')], [FREQUENT]);
    expect(r?.provenance).toMatchObject({ record: 'OM:U2', rule: 'tie-break', why: 'the rules left 2 values: the newest record\'s (2026-01-05T00:00:00.000Z)' });
    const same = reconcile([c('OM:U2', 'OM', 5, '부산'), c('OM:U1', 'OM', 5, '서울')], [FREQUENT, RECENT]);
    expect(same).toMatchObject({ value: '서울', provenance: { record: 'OM:U1', rule: 'tie-break' } });
  });

  it('does not depend on the order of the candidates', () => {
    const cs = [c('DI:C1', 'DI', 3, '김 민준'), c('OM:U1', 'OM', 3, '김민준'), c('CX:1', 'CX', 2, '김민중'), c('CX:2', 'CX', 2, '김민준'), c('OM:U2', 'OM', 1, '김민주')];
    const expected = reconcile(cs, [FREQUENT, SUPPORT_FIRST, RECENT]);
    expect(expected).toMatchObject({ value: '김민준', provenance: { record: 'CX:2', rule: 'most-frequent', agreeing: ['CX:2', 'DI:C1', 'OM:U1'] } });
    for (let i = 0; i < cs.length; i++) {
      const rotated = [...cs.slice(i), ...cs.slice(0, i)];
      expect(reconcile(rotated, [FREQUENT, SUPPORT_FIRST, RECENT])).toEqual(expected);
      expect(reconcile(rotated.reverse(), [FREQUENT, SUPPORT_FIRST, RECENT])).toEqual(expected);
    }
  });

  it('the holders of the winning value: the richest shows it, then the one the rules prefer (류 before 유)', () => {
    const address = reconcile([
      c('OM:U1', 'OM', 9, '서울특별시 강남구 테헤란로 152', 'A', 2),
      c('CX:1', 'CX', 1, '서울특별시 강남구 테헤란로 152, 101동 1203호', 'A', 3),
      c('DI:C1', 'DI', 5, '부산광역시 해운대구 센텀중앙로 55', 'B', 0),
    ], [RECENT]);
    expect(address).toMatchObject({ value: '서울특별시 강남구 테헤란로 152, 101동 1203호', provenance: { record: 'CX:1', rule: 'most-recent', agreeing: ['CX:1', 'OM:U1'] } });
    expect(address?.provenance.why).toBe('the most recent record (2026-01-09T00:00:00.000Z); shown as CX:1 wrote it (more complete)');
    const name = reconcile([c('OM:U1', 'OM', 9, '유현진', '유현진'), c('CX:1', 'CX', 1, '류현진', '유현진')], [SUPPORT_FIRST]);
    expect(name).toMatchObject({ value: '류현진', provenance: { record: 'CX:1', rule: 'only-value' } });
  });
});
