import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('groupCommit', () => {
  it('joins work handed over together into one call, in hand-over order', async () => {
    const calls: number[][] = [];
    const submit = groupCommit<number>(async (items) => void calls.push(items));
    await Promise.all([submit([1, 2]), submit([3]), submit([4, 5])]);
    expect(calls).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('gathers what arrives during a running call into the next call', async () => {
    const calls: number[][] = [];
    const submit = groupCommit<number>(async (items) => {
      calls.push(items);
      await tick(30);
    });
    const first = submit([1]);
    await tick(10); // the first call is running now
    await Promise.all([first, submit([2]), submit([3])]);
    expect(calls).toEqual([[1], [2, 3]]);
  });

  it('gives every caller of a failed group the error, and carries on with the next group', async () => {
    let fail = true;
    const calls: number[][] = [];
    const submit = groupCommit<number>(async (items) => {
      calls.push(items);
      if (fail) throw new Error('database down');
    });
    const results = await Promise.allSettled([submit([1]), submit([2])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason.message).toBe('database down');
    fail = false;
    await submit([3]);
    expect(calls).toEqual([[1, 2], [3]]);
  });
});
