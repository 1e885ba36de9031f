import { db } from '../db';
import { HEARTBEAT_INTERVAL_MS } from '../workers/heartbeat';

export type InstanceState = 'starting' | 'running' | 'rebalancing' | 'stopped' | 'stale';

export interface WorkerInstance {
  instanceId: string;
  pid: number;
  state: InstanceState;
  startedAt: string;
  lastBeatAt: string;
  /** Seconds since the last beat, as of the answer. */
  ageSeconds: number;
  details: Record<string, unknown> | null;
}

export interface WorkerHealth {
  worker: string;
  /** up: at least one instance beating; down: every instance stopped or silent. */
  up: boolean;
  live: number;
  instances: WorkerInstance[];
}

/** Three missed beats: the process is gone or stuck, whatever its last status said. */
export const STALE_AFTER_MS = 3 * HEARTBEAT_INTERVAL_MS;
/** Instances silent for longer than this are history, not health. */
const SHOW_FOR_MS = 3600_000;

export function instanceState(row: { status: string; lastBeatAt: Date }, now: Date): InstanceState {
  if (row.status === 'stopped') return 'stopped';
  if (now.getTime() - row.lastBeatAt.getTime() > STALE_AFTER_MS) return 'stale';
  return (['starting', 'running', 'rebalancing'] as const).find((s) => s === row.status) ?? 'running';
}

/** Every worker seen in the last hour, with its instances and whether it is up. */
export async function listWorkerHealth(now = new Date()): Promise<{ ok: boolean; workers: WorkerHealth[]; checkedAt: string }> {
  const rows = await db.workerHeartbeat.findMany({
    where: { lastBeatAt: { gte: new Date(now.getTime() - SHOW_FOR_MS) } },
    orderBy: [{ worker: 'asc' }, { startedAt: 'desc' }],
  });
  const byWorker = new Map<string, WorkerInstance[]>();
  for (const r of rows) {
    const list = byWorker.get(r.worker) ?? [];
    list.push({
      instanceId: r.instanceId,
      pid: r.pid,
      state: instanceState(r, now),
      startedAt: r.startedAt.toISOString(),
      lastBeatAt: r.lastBeatAt.toISOString(),
      ageSeconds: Math.max(0, Math.round((now.getTime() - r.lastBeatAt.getTime()) / 1000)),
      details: (r.details as Record<string, unknown> | null) ?? null,
    });
    byWorker.set(r.worker, list);
  }
  const workers = [...byWorker].map(([worker, instances]) => {
    const live = instances.filter((i) => i.state !== 'stopped' && i.state !== 'stale').length;
    return { worker, up: live > 0, live, instances };
  });
  return { ok: workers.every((w) => w.up), workers, checkedAt: now.toISOString() };
}
