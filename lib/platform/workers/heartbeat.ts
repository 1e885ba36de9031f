import { randomBytes } from 'node:crypto';
import type { Db } from '../db';

export type WorkerStatus = 'starting' | 'running' | 'rebalancing' | 'stopped';

export interface HeartbeatOptions {
  db: Db;
  /** Worker name (workers/<name>.ts): replicas share it and differ by instanceId. */
  worker: string;
  intervalMs?: number;
  /** Called at every beat: cheap facts about the worker (partitions, offsets, lag, counters). */
  details?: () => Record<string, unknown> | Promise<Record<string, unknown>>;
}

export interface Heartbeat {
  instanceId: string;
  setStatus(status: WorkerStatus): void;
  /** Writes a beat now (e.g. right after a status change) instead of at the next tick. */
  beat(): Promise<void>;
  /** Final beat with status "stopped"; call before closing the database. */
  stop(): Promise<void>;
}

export const HEARTBEAT_INTERVAL_MS = 5_000;
const KEEP_ROWS_MS = 24 * 3600_000;

/**
 * Each worker process reports itself in WorkerHeartbeat every few seconds, so
 * /api/health/workers and the staff dashboard can tell a live worker from one
 * that died without saying so (its lastBeatAt goes stale). A failed beat is
 * logged and retried at the next tick: health reporting never stops the work.
 */
export function startHeartbeat({ db, worker, intervalMs = HEARTBEAT_INTERVAL_MS, details }: HeartbeatOptions): Heartbeat {
  const instanceId = `${worker}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const startedAt = new Date();
  let status: WorkerStatus = 'starting';
  let failing = false;
  let stopped = false;

  const beat = async () => {
    try {
      const facts = details ? await details() : undefined;
      const row = { status, lastBeatAt: new Date(), details: (facts ?? undefined) as object | undefined };
      await db.workerHeartbeat.upsert({
        where: { instanceId },
        create: { instanceId, worker, pid: process.pid, startedAt, ...row },
        update: row,
      });
      if (failing) console.log(`[${worker}] heartbeat written again`);
      failing = false;
    } catch (e) {
      if (!failing) console.error(`[${worker}] heartbeat failed (will retry): ${(e as Error).message}`);
      failing = true;
    }
  };

  // Rows of instances gone for a day say nothing any more.
  void db.workerHeartbeat.deleteMany({ where: { lastBeatAt: { lt: new Date(Date.now() - KEEP_ROWS_MS) } } }).catch(() => {});
  void beat();
  const timer = setInterval(() => void beat(), intervalMs);
  timer.unref();

  return {
    instanceId,
    setStatus: (s) => {
      if (!stopped) status = s;
    },
    beat,
    stop: async () => {
      if (stopped) return;
      clearInterval(timer);
      status = 'stopped';
      stopped = true;
      await beat();
    },
  };
}
