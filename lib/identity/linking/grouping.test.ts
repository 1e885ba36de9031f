import { describe, expect, it } from 'vitest';
import { cleanse, type SourceRecord } from '../cleansing/cleanse';
import { defaultRuleset } from './default-ruleset';
import { groupRecords } from './grouping';
import type { Link, LinkRecord } from './types';

const today = '2026-12-15';
const record = (key: string, fields: SourceRecord = {}, createdAt = `2020-01-01T00:00:00Z`): LinkRecord => ({ key, createdAt, l1: cleanse(fields, { today }) });
const link = (a: string, b: string, rule = 'R1', score = 1): Link => ({ a, b, rule, score });
const shape = (gs: ReturnType<typeof groupRecords>) => gs.map((g) => g.records.join(' '));

describe('grouping: connected components with guards', () => {
  it('transitive: a-b and b-c make one group; records oldest first, the groups by their oldest', () => {
    const records = [record('c', {}, '2021'), record('a', {}, '2022'), record('b', {}, '2020'), record('d', {}, '2023')];
    const gs = groupRecords({ records, links: [link('a', 'b'), link('b', 'c', 'R2')], bans: [], ruleset: defaultRuleset });
    expect(shape(gs)).toEqual(['b c a', 'd']);
    expect(gs[0]!.links).toEqual([link('a', 'b'), link('b', 'c', 'R2')]);
  });

  it('two different birth dates never meet in one group: the weaker link is refused and recorded', () => {
    // b (no birth date) is linked to a (1990) by R1 and to c (1985) by R2: R1 goes first, R2 is refused
    const records = [record('a', { birth: '19900102' }), record('b'), record('c', { birth: '19850607' })];
    const gs = groupRecords({ records, links: [link('b', 'c', 'R2'), link('a', 'b', 'R1')], bans: [], ruleset: defaultRuleset });
    expect(shape(gs)).toEqual(['a b', 'c']);
    const refusal = { a: 'b', b: 'c', rule: 'R2', score: 1, kind: 'conflict', detail: 'birth 1990-01-02 ≠ 1985-06-07' };
    expect(gs[0]!.refusals).toEqual([refusal]);
    expect(gs[1]!.refusals).toEqual([refusal]);
    expect(gs.some((g) => g.review)).toBe(false);
  });

  it('a six-digit date whose century was guessed does not conflict with the same day a century apart', () => {
    const records = [record('a', { birth: '050315' }), record('b', { birth: '1905-03-15' }), record('c', { birth: '19050316' })];
    expect(records[0]!.l1.birth).toMatchObject({ date: '2005-03-15', flags: ['pivoted'] });
    expect(shape(groupRecords({ records, links: [link('a', 'b'), link('a', 'c')], bans: [], ruleset: defaultRuleset }))).toEqual(['a b', 'c']);
  });

  it('by rule, then score, then keys: the order the links come in does not matter', () => {
    const records = [record('a', { birth: '19900102' }), record('b'), record('c', { birth: '19850607' }), record('d')];
    const links = [link('a', 'b', 'R3', 0.97), link('b', 'c', 'R3', 0.99), link('c', 'd', 'R1'), link('a', 'd', 'R2')];
    // c-d (R1) first; a-d (R2) then joins 1990 and 1985: refused; of the R3 links, b-c (0.99) before a-b (refused)
    const expected = shape(groupRecords({ records, links, bans: [], ruleset: defaultRuleset }));
    expect(expected).toEqual(['a', 'b c d']);
    for (const order of [[3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]]) {
      expect(shape(groupRecords({ records: [...records].reverse(), links: order.map((i) => links[i]!), bans: [], ruleset: defaultRuleset }))).toEqual(expected);
    }
  });

  it('a group that would grow past the limit is held for review instead', () => {
    const ruleset = { ...defaultRuleset, limits: { ...defaultRuleset.limits, maxGroupSize: 3 } };
    const records = ['a', 'b', 'c', 'd', 'e'].map((k) => record(k));
    const gs = groupRecords({ records, links: [link('a', 'b'), link('b', 'c'), link('c', 'd'), link('d', 'e', 'R2')], bans: [], ruleset });
    expect(shape(gs)).toEqual(['a b c', 'd e']);
    expect(gs.map((g) => g.review)).toEqual([true, true]);
    expect(gs[0]!.refusals).toEqual([{ ...link('c', 'd'), kind: 'size-limit', detail: '4 records > 3' }]);
  });

  it('a ban keeps two sets of records apart, through any path; a manual merge passes the other guards', () => {
    const records = [record('a', { birth: '19900102' }), record('b'), record('c', { birth: '19850607' }), record('x')];
    const bans = [{ id: 'ban1', a: ['a'], b: ['c', 'x'] }];
    const links = [link('a', 'b'), link('b', 'x', 'R2'), link('a', 'c', 'manual')];
    const gs = groupRecords({ records, links, bans, ruleset: defaultRuleset });
    expect(shape(gs)).toEqual(['a b', 'c', 'x']);
    expect(gs[0]!.refusals.map((r) => [r.a, r.b, r.kind, r.detail])).toEqual([['a', 'c', 'ban', 'ban ban1'], ['b', 'x', 'ban', 'ban ban1']]);
    // without the ban, staff's merge joins two birth dates
    expect(shape(groupRecords({ records, links, bans: [], ruleset: defaultRuleset }))).toEqual(['a b c x']);
  });

  it('gender as a strong identifier when the ruleset says so', () => {
    const records = [record('a', { birth: '900102-1' }), record('b', { birth: '900102-2' })];
    expect(shape(groupRecords({ records, links: [link('a', 'b')], bans: [], ruleset: defaultRuleset }))).toEqual(['a b']);
    const gs = groupRecords({ records, links: [link('a', 'b')], bans: [], ruleset: { ...defaultRuleset, conflicts: ['gender'] } });
    expect(gs[0]!.refusals[0]).toMatchObject({ kind: 'conflict', detail: 'gender M ≠ F' });
  });
});
