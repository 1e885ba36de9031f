import { describe, expect, it } from 'vitest';
import type { HeldPurchase } from './outputs';
import { IDLE_MS, PartitionTask, type Item } from './partition-task';

const T = Date.parse('2026-12-03T05:00:00Z');
const start = { purchaseOffset: 0n, behaviorOffset: 0n, behaviorReplayOffset: 0n, streamTime: null };
const held = (id: string, at: number, userId = 'U1'): HeldPurchase =>
  ({ eventId: id, purchaseId: id, userId, at, record: { purchaseId: id, userId, amount: 1000, buyer: { name: '김민준', age: 30, gender: 'M' } } as never });
const p = (offset: bigint, ts: number, id: string, at = ts): Item => ({ input: 'purchase', offset, ts, purchase: held(id, at) });
const b = (offset: bigint, ts: number, at = ts, action: 'view' | 'click' = 'click', eventId = `b${offset}`): Item =>
  ({ input: 'behaviour', offset, ts, behaviour: { eventId, userId: 'U1', promotionId: 'PR-1', action, at } });

describe('PartitionTask', () => {
  it('holds purchases back while the behaviour input may still have earlier records, then joins them in timestamp order', () => {
    const wall = 1_000_000;
    const task = new PartitionTask(0, 1000, start, [], 0n);
    task.offer('purchase', [p(0n, T, 'a')], true, wall);
    expect(task.drain(wall).decisions).toEqual([]); // behaviours not caught up yet: the purchase waits in the buffer
    task.offer('behaviour', [b(0n, T - 60_000)], true, wall + 10);
    const step = task.drain(wall + IDLE_MS);
    expect(step.decisions.map((d) => [d.purchase.purchaseId, d.affect, d.by])).toEqual([['a', 1, 'window']]);
    expect(step.cursor).toMatchObject({ purchaseOffset: 1n, behaviorOffset: 1n, streamTime: T });
  });

  it('waits past IDLE_MS while the other input is known to have more (its last fetch did not reach the end)', () => {
    const wall = 1_500_000;
    const task = new PartitionTask(0, 1000, start, [], 0n, { purchase: true, behaviour: false });
    task.offer('purchase', [p(0n, T, 'a')], true, wall);
    expect(task.drain(wall + 10 * IDLE_MS).records).toBe(0);
    task.offer('behaviour', [b(0n, T - 1000)], true, wall + 10 * IDLE_MS);
    expect(task.drain(wall + 10 * IDLE_MS).decisions.map((d) => d.affect)).toEqual([1]);
  });

  it('lets one input run on IDLE_MS after its record came, when the other is at its end', () => {
    const wall = 2_000_000;
    const task = new PartitionTask(0, 1000, start, [], 0n);
    task.offer('purchase', [p(0n, T, 'a')], true, wall);
    expect(task.drain(wall + IDLE_MS - 1).records).toBe(0);
    expect(task.drain(wall + IDLE_MS).records).toBe(1);
  });

  it('does not count a behaviour read again after a restart, and refuses a batch that starts past its position', () => {
    const wall = 3_000_000;
    const from = { purchaseOffset: 5n, behaviorOffset: 3n, behaviorReplayOffset: 1n, streamTime: T };
    const task = new PartitionTask(0, 1000, from, [], 1n);
    expect(task.offer('purchase', [p(7n, T, 'x')], true, wall)).toBe(false); // 5 and 6 would be skipped
    expect(task.position('behaviour')).toBe(1n);
    task.offer('behaviour', [b(1n, T - 2000), b(2n, T - 1000), b(3n, T)], true, wall);
    const step = task.drain(wall + IDLE_MS);
    expect(step.behaviours.reduce((n, c) => n + c.n, 0)).toBe(1); // only offset 3 is new
    expect(step.cursor.behaviorOffset).toBe(4n);
    expect(step.cursor.behaviorReplayOffset).toBe(1n); // all three still in the window
  });

  it('moves the replay offset on once the behaviours have left the window', () => {
    const wall = 4_000_000;
    const task = new PartitionTask(0, 1000, start, [], 0n);
    // 64 old views (one chunk), then 6 within the window of a purchase 20 minutes later
    const old = Array.from({ length: 70 }, (_, i) => (i < 64 ? b(BigInt(i), T + i, T + i, 'view') : b(BigInt(i), T + i, T + 20 * 60_000 - 1000, 'view', `recent${i}`)));
    task.offer('behaviour', old, true, wall);
    task.offer('purchase', [p(0n, T + 100, 'late-in-stream', T + 20 * 60_000)], true, wall);
    const step = task.drain(wall + IDLE_MS);
    // the first 64-behaviour chunk is older than the window; the chunk from offset 64 is the first that may matter
    expect(step.cursor.behaviorReplayOffset).toBe(64n);
    expect(step.decisions.map((d) => [d.purchase.purchaseId, d.affect])).toEqual([['late-in-stream', 1]]);
  });
});
