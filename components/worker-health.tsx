'use client';

import { useQuery } from '@tanstack/react-query';
import type { WorkerHealth } from '@/lib/platform/health/workers';
import { workersQuery } from './live-queries';

type Snapshot = { ok: boolean; workers: WorkerHealth[]; checkedAt: string };

/** One line of facts from the freshest live instance: partitions, lag, outbox backlog. */
function facts(w: WorkerHealth): string {
  const i = w.instances.find((x) => x.state !== 'stopped' && x.state !== 'stale') ?? w.instances[0];
  const d = (i?.details ?? {}) as { assigned?: string[]; lag?: number; pending?: number; processed?: number; publishedTotal?: number };
  const parts: string[] = [];
  if (d.assigned) parts.push(d.assigned.length ? `${d.assigned.join(' ')}` : 'no partitions');
  if (typeof d.lag === 'number') parts.push(`lag ${d.lag}`);
  if (typeof d.processed === 'number') parts.push(`${d.processed} handled`);
  if (typeof d.pending === 'number') parts.push(`${d.pending} waiting in outbox`);
  if (typeof d.publishedTotal === 'number') parts.push(`${d.publishedTotal} published`);
  return parts.join(' · ');
}

/** Compact worker health for the staff dashboard, from the heartbeats (every 5 s). */
export function WorkerHealthPanel({ initial }: { initial: Snapshot }) {
  const { data, error } = useQuery({ ...workersQuery(), initialData: initial });
  return (
    <section className="panel" aria-labelledby="workers-h">
      <h2 id="workers-h">
        Workers <span className={`badge ${data.ok ? 'success' : 'fail'}`} data-testid="workers-ok">{data.ok ? 'all up' : 'attention'}</span>
      </h2>
      {error && <p className="notice bad" role="alert">Health updates paused: {error.message}</p>}
      {data.workers.length === 0 ? (
        <p className="muted">No worker has reported in the last hour. Are the workers running?</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="workers">
            <thead><tr><th>Worker</th><th>State</th><th>Instances</th><th>Last beat</th><th>Details</th></tr></thead>
            <tbody>
              {data.workers.map((w) => {
                const newest = w.instances.reduce((a, b) => (a.lastBeatAt > b.lastBeatAt ? a : b));
                return (
                  <tr key={w.worker} data-worker={w.worker}>
                    <td><strong>{w.worker}</strong></td>
                    <td><span className={`badge ${w.up ? 'success' : 'fail'}`}>{w.up ? 'up' : newest.state === 'stopped' ? 'stopped' : 'down'}</span></td>
                    <td>{w.live} live{w.instances.length > w.live ? <span className="muted"> · {w.instances.length - w.live} gone</span> : null}</td>
                    <td>{newest.ageSeconds} s ago</td>
                    <td className="muted">{facts(w)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
