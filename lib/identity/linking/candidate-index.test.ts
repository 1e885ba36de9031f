import { describe, expect, it } from 'vitest';
import { MemoryCandidateIndex } from './candidate-index';

const rec = (key: string, ...keys: string[]) => ({ key, l1: { keys } });

describe('the in-memory candidate index', () => {
  it('a record\'s candidates share one of its keys, each once, itself excluded', () => {
    const index = new MemoryCandidateIndex(3);
    index.add(rec('a', 'phone:1', 'email:x'));
    index.add(rec('b', 'phone:1', 'email:x'));
    index.add(rec('c', 'email:x'));
    index.add(rec('d', 'phone:2'));
    expect(index.candidates(rec('a', 'phone:1', 'email:x')).sort()).toEqual(['b', 'c']);
    expect(index.candidates(rec('new', 'phone:2', 'name-birth:x'))).toEqual(['d']);
    expect(index.members('email:x')).toEqual(['a', 'b', 'c']);
  });

  it('a key shared by more records than the limit finds nothing and is reported, until it shrinks again', () => {
    const index = new MemoryCandidateIndex(3);
    const family = ['a', 'b', 'c'].map((k) => rec(k, 'phone:home', `email:${k}`));
    for (const r of family) expect(index.add(r).oversized).toEqual([]);
    expect(index.candidates(family[0]!).sort()).toEqual(['b', 'c']);
    expect(index.add(rec('d', 'phone:home')).oversized).toEqual(['phone:home']);
    expect(index.add(rec('e', 'phone:home')).oversized).toEqual([]); // already over
    expect(index.candidates(family[0]!)).toEqual([]);
    expect(index.oversized()).toEqual([{ key: 'phone:home', size: 5 }]);
    expect(index.remove(rec('e', 'phone:home')).usable).toEqual([]);
    expect(index.remove(rec('d', 'phone:home')).usable).toEqual(['phone:home']);
    expect(index.candidates(family[0]!).sort()).toEqual(['b', 'c']);
    expect(index.oversized()).toEqual([]);
  });

  it('adding twice or removing what is not there changes nothing', () => {
    const index = new MemoryCandidateIndex(2);
    index.add(rec('a', 'k'));
    index.add(rec('a', 'k'));
    expect(index.remove(rec('z', 'k', 'other')).usable).toEqual([]);
    expect(index.members('k')).toEqual(['a']);
    index.remove(rec('a', 'k'));
    expect(index.members('k')).toEqual([]);
  });
});
