import { describe, expect, it } from 'vitest';
import { cleanse, type SourceRecord } from '../cleansing/cleanse';
import { defaultRuleset } from './default-ruleset';
import { LinkingEngine } from './engine';
import { ProfileIds } from './profile-ids';
import type { Change, LinkRecord } from './types';

const record = (key: string, createdAt: string, fields: SourceRecord): LinkRecord => ({ key, createdAt, l1: cleanse(fields, { today: '2026-12-15' }) });
const upsert = (r: LinkRecord): Change => ({ type: 'upsert', record: r });
const id = (key: string, generation = 0) => {
  const ids = new ProfileIds();
  for (let g = 0; g < generation; g++) ids.issue(key);
  return ids.issue(key);
};

// A and B: one person, two sources (R1: the same mobile, a typo in the name). C: the same person, an older support
// desk contact with only an email. D: a new contact with both the mobile and that email, which ties them together.
const A = record('DI:1', '2020-03-01', { name: '김민준', phones: ['010-1111-2222'], birth: '19900102' });
const B = record('OM:1', '2021-05-01', { name: '김민중', phones: ['+82 10 1111 2222'] });
const C = record('CX:1', '2019-07-01', { name: '김민준', email: 'kmj@gmail.com' });
const D = record('CX:2', '2022-01-01', { name: '김민준', phones: ['01011112222'], email: 'KMJ@gmail.com' });

describe('stable profile ids through a merge and a split', () => {
  function play() {
    const e = new LinkingEngine();
    const results = [A, B, C, D].map((r) => e.apply(upsert(r)));
    results.push(e.apply({ type: 'delete', key: D.key }));
    return { e, results };
  }

  it('a new record links to a profile, or founds one whose id comes from its key', () => {
    const { results } = play();
    expect(results[0]!.events).toEqual([{ type: 'created', profileId: id('DI:1'), records: ['DI:1'], cause: { change: { type: 'upsert', key: 'DI:1' } } }]);
    expect(results[1]!.events).toEqual([]); // B joins A's profile: no merge, no split
    expect(results[1]!.changed.map((p) => [p.id, p.records, p.links.map((l) => l.rule)])).toEqual([[id('DI:1'), ['DI:1', 'OM:1'], ['R1']]]);
    expect(results[2]!.events).toMatchObject([{ type: 'created', profileId: id('CX:1') }]);
  });

  it('merge: the oldest profile\'s id wins (C\'s, begun 2019, over the larger A+B), the absorbed id redirects to it', () => {
    const { results } = play();
    const merge = results[3]!;
    expect(merge.events).toEqual([{
      type: 'merged', profileId: id('CX:1'), absorbed: [id('DI:1')],
      from: [{ profileId: id('CX:1'), records: ['CX:1'] }, { profileId: id('DI:1'), records: ['DI:1', 'OM:1'] }, { profileId: null, records: ['CX:2'] }],
      cause: { change: { type: 'upsert', key: 'CX:2' }, links: [
        { a: 'CX:2', b: 'DI:1', rule: 'R1', score: 1 },
        { a: 'CX:2', b: 'OM:1', rule: 'R1', score: expect.closeTo(0.978, 3) },
        { a: 'CX:1', b: 'CX:2', rule: 'R2', score: 1 },
      ] },
    }]);
    expect(merge.retired).toEqual([id('DI:1')]);
    expect(merge.changed.map((p) => [p.id, p.records])).toEqual([[id('CX:1'), ['CX:1', 'DI:1', 'OM:1', 'CX:2']]]);
  });

  it('split: the largest part keeps the id, the other gets a new one from its oldest record; old ids still lead to a profile', () => {
    const { e, results } = play();
    const split = results[4]!;
    const lost = (a: string, b: string, rule: string) => ({ a, b, rule, score: expect.any(Number), why: 'record-deleted' });
    expect(split.events).toEqual([{
      type: 'split', profileId: id('CX:1'),
      parts: [{ profileId: id('CX:1', 1), records: ['CX:1'] }, { profileId: id('CX:1'), records: ['DI:1', 'OM:1'] }],
      cause: { change: { type: 'delete', key: 'CX:2' }, lost: [lost('CX:2', 'DI:1', 'R1'), lost('CX:2', 'OM:1', 'R1'), lost('CX:1', 'CX:2', 'R2')] },
    }]);
    expect(e.profileIdOf('DI:1')).toBe(id('CX:1'));
    expect(e.profileIdOf('CX:1')).toBe(id('CX:1', 1)); // a generation on: an id is never given twice
    expect(e.profile(id('DI:1'))!.records).toEqual(['DI:1', 'OM:1']); // absorbed at the merge, redirected since
    expect(split.retired).toEqual([]);
  });

  it('a replay of the same changes gives the same ids and events', () => {
    expect(JSON.stringify(play().results)).toBe(JSON.stringify(play().results));
  });

  it('a rebuild groups as the changes did, each id from the group\'s oldest record', () => {
    const { e } = play();
    const rebuilt = LinkingEngine.rebuild([A, B, C]);
    expect(rebuilt.grouping()).toEqual(e.grouping());
    expect(rebuilt.profileIdOf('DI:1')).toBe(id('DI:1'));
  });

  it('the last record of a profile deleted: the profile is removed, its id retired', () => {
    const e = new LinkingEngine();
    e.apply(upsert(C));
    expect(e.apply({ type: 'delete', key: 'CX:1' })).toEqual({ events: [{ type: 'removed', profileId: id('CX:1'), cause: { change: { type: 'delete', key: 'CX:1' } } }], changed: [], retired: [id('CX:1')] });
    expect(e.profile(id('CX:1'))).toBeNull();
    expect(e.apply({ type: 'delete', key: 'CX:1' })).toEqual({ events: [], changed: [], retired: [] }); // a delete of what is not there
  });
});

describe('self-correction, guards and manual control', () => {
  it('a stronger link that arrives later takes a record away from a weaker one when two birth dates would meet', () => {
    const a = record('DI:a', '2020-01-01', { name: '이서연', email: 'seoyeon@naver.com', birth: '19900102' });
    const b = record('OM:b', '2020-02-01', { name: '이서연', email: 'seoyeon@naver.com', phones: ['010-5555-6666'] });
    const c = record('CX:c', '2020-03-01', { name: '이서연', phones: ['010-5555-6666'], birth: '19850607' });
    const e = new LinkingEngine();
    e.apply(upsert(a));
    e.apply(upsert(b));
    expect(e.grouping()).toEqual([['DI:a', 'OM:b']]);
    const r = e.apply(upsert(c));
    expect(e.grouping()).toEqual([['DI:a'], ['OM:b', 'CX:c']]);
    expect(r.events).toEqual([{
      type: 'split', profileId: id('DI:a'),
      parts: [{ profileId: id('DI:a'), records: ['DI:a'] }, { profileId: id('OM:b'), records: ['OM:b'] }],
      cause: { change: { type: 'upsert', key: 'CX:c' }, lost: [{ a: 'DI:a', b: 'OM:b', rule: 'R2', score: 1, why: 'conflict' }] },
    }]);
    expect(e.profile(id('DI:a'))!.refusals).toEqual([{ a: 'DI:a', b: 'OM:b', rule: 'R2', score: 1, kind: 'conflict', detail: 'birth 1990-01-02 ≠ 1985-06-07' }]);
    expect(e.explain('DI:a', 'OM:b')).toMatchObject({ evaluation: { rule: 'R2' }, sameProfile: false, refusal: { kind: 'conflict' }, sharedKeys: [{ key: 'email:seoyeon@naver.com', usable: true }] });
  });

  it('a ban ("not the same person") keeps records apart through later changes until lifted', () => {
    const e = new LinkingEngine();
    e.apply(upsert(A));
    e.apply(upsert(B));
    const ban = e.apply({ type: 'ban', ban: { id: 'ban-1', a: ['DI:1'], b: ['OM:1'] } });
    expect(ban.events).toMatchObject([{ type: 'split', cause: { change: { type: 'ban', id: 'ban-1' }, lost: [{ a: 'DI:1', b: 'OM:1', why: 'ban' }] } }]);
    e.apply(upsert({ ...B, l1: cleanse({ name: '김민준', phones: ['010 1111 2222'] }) }));
    e.apply(upsert(D)); // D links to both; it may join one of them only
    expect(e.grouping()).toEqual([['DI:1', 'CX:2'], ['OM:1']]);
    e.apply({ type: 'lift', id: 'ban-1' });
    expect(e.grouping()).toEqual([['DI:1', 'OM:1', 'CX:2']]);
    expect(() => e.apply({ type: 'ban', ban: { id: 'bad', a: ['DI:1'], b: ['DI:1'] } })).toThrow('ban bad: record DI:1 is on both sides');
  });

  it('a manual merge ("same person") joins what no rule links, recorded as its cause, and can be lifted', () => {
    const e = new LinkingEngine();
    const x = record('DI:x', '2020-01-01', { name: 'Kim Minjun', phones: ['010-7777-8888'] });
    const y = record('OM:y', '2020-02-01', { name: '김민준', email: 'mj@daum.net' });
    e.apply(upsert(x));
    e.apply(upsert(y));
    const m = e.apply({ type: 'merge', merge: { id: 'merge-1', a: 'OM:y', b: 'DI:x' } });
    expect(m.events).toMatchObject([{ type: 'merged', profileId: id('DI:x'), absorbed: [id('OM:y')], cause: { change: { type: 'merge', id: 'merge-1' }, links: [{ a: 'DI:x', b: 'OM:y', rule: 'manual' }] } }]);
    expect(e.apply({ type: 'lift', id: 'merge-1' }).events).toMatchObject([{ type: 'split', cause: { lost: [{ why: 'no-longer-linked' }] } }]);
    expect(e.apply({ type: 'lift', id: 'nothing' })).toEqual({ events: [], changed: [], retired: [] });
    // the same id again replaces the decision: merge-1 now joins y with a third record, not with x
    e.apply(upsert(record('CX:z', '2020-03-01', { name: '최수아' })));
    e.apply({ type: 'merge', merge: { id: 'merge-1', a: 'OM:y', b: 'DI:x' } });
    e.apply({ type: 'merge', merge: { id: 'merge-1', a: 'OM:y', b: 'CX:z' } });
    expect(e.grouping()).toEqual([['DI:x'], ['OM:y', 'CX:z']]);
  });

  it('a phone shared by more records than the block limit stops linking, and links again when it is shared by fewer', () => {
    const ruleset = { ...defaultRuleset, limits: { maxBlockSize: 2, maxGroupSize: 50 } };
    const e = new LinkingEngine({ ruleset });
    const home = ['031-123-4567'];
    e.apply(upsert(record('DI:p', '2020-01-01', { name: '박지훈', phones: home })));
    e.apply(upsert(record('OM:p', '2020-02-01', { name: '박지혼', phones: home })));
    expect(e.grouping()).toEqual([['DI:p', 'OM:p']]);
    const third = e.apply(upsert(record('CX:q', '2020-03-01', { name: '최수아', phones: home })));
    expect(e.grouping()).toEqual([['CX:q'], ['DI:p'], ['OM:p']]);
    expect(third.events).toMatchObject([{ type: 'created' }, { type: 'split', cause: { lost: [{ a: 'DI:p', b: 'OM:p', why: 'no-longer-linked' }] } }]);
    expect(e.stats().oversizedKeys).toEqual([{ key: 'phone:+82311234567', size: 3 }]);
    expect(e.apply({ type: 'delete', key: 'CX:q' }).events).toEqual([
      { type: 'merged', profileId: id('DI:p'), absorbed: [id('OM:p')], from: [{ profileId: id('DI:p'), records: ['DI:p'] }, { profileId: id('OM:p'), records: ['OM:p'] }], cause: { change: { type: 'delete', key: 'CX:q' }, links: [{ a: 'DI:p', b: 'OM:p', rule: 'R1', score: 0.975 }] } },
      { type: 'removed', profileId: id('CX:q'), cause: { change: { type: 'delete', key: 'CX:q' } } },
    ]);
    expect(e.grouping()).toEqual([['DI:p', 'OM:p']]);
  });
});
