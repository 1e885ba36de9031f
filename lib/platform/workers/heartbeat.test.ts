import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../db';
import { ConsumerHealth } from './consumer-health';
import { startHeartbeat } from './heartbeat';

function fakeDb(fail = false) {
  const rows: Record<string, unknown>[] = [];
  const db = {
    workerHeartbeat: {
      upsert: vi.fn(async (args: { create: Record<string, unknown>; update: Record<string, unknown> }) => {
        if (fail) throw new Error('database down');
        rows.push({ ...args.create, ...args.update });
      }),
      deleteMany: vi.fn(async () => ({ count: 0 })),
    },
  } as unknown as Db;
  return { db, rows };
}

describe('startHeartbeat', () => {
  it('writes status and details on every beat and "stopped" last', async () => {
    const { db, rows } = fakeDb();
    const hb = startHeartbeat({ db, worker: 'w', intervalMs: 60_000, details: () => ({ lag: 3 }) });
    hb.setStatus('running');
    await hb.beat();
    await hb.stop();
    hb.setStatus('running'); // too late: a stopped worker stays stopped
    await hb.beat();
    expect(rows.at(-2)).toMatchObject({ worker: 'w', pid: process.pid, status: 'stopped', details: { lag: 3 } });
    expect(rows.at(-1)).toMatchObject({ status: 'stopped' });
    expect(rows.some((r) => r.status === 'running')).toBe(true);
    expect(hb.instanceId).toMatch(new RegExp(`^w-${process.pid}-[0-9a-f]{6}$`));
  });

  it('never throws when the database is down', async () => {
    const { db } = fakeDb(true);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const hb = startHeartbeat({ db, worker: 'w', intervalMs: 60_000 });
    await expect(hb.beat()).resolves.toBeUndefined();
    await expect(hb.stop()).resolves.toBeUndefined();
    expect(errors).toHaveBeenCalledTimes(1); // said once, not at every beat
    errors.mockRestore();
  });
});

describe('ConsumerHealth', () => {
  it('reports the last offset per partition and the lag behind the watermark', () => {
    const h = new ConsumerHealth('g');
    h.onProgress({ topic: 't', partition: 0, offset: '4', highWatermark: '10' });
    h.onProgress({ topic: 't', partition: 1, offset: '9', highWatermark: '10' });
    h.onProgress({ topic: 't', partition: 0, offset: '5', highWatermark: '10' });
    expect(h.details()).toEqual({ group: 'g', assigned: [], processed: 3, lag: 4, lastOffsets: { 't/0': '5', 't/1': '9' } });
  });
});
