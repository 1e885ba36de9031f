import { describe, expect, it } from 'vitest';
import { RecentKeys } from './recent-keys';

describe('RecentKeys', () => {
  it('remembers the last keys added and forgets the oldest first', () => {
    const r = new RecentKeys(3);
    for (const k of ['a', 'b', 'c', 'b']) r.add(k);
    expect([r.has('a'), r.has('b'), r.has('c'), r.size]).toEqual([true, true, true, 3]);
    r.add('d');
    expect([r.has('a'), r.has('b'), r.has('d'), r.size]).toEqual([false, true, true, 3]);
  });
});
