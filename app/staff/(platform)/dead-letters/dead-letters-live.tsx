'use client';

import { useQuery } from '@tanstack/react-query';
import { deadLettersQuery } from '@/components/live-queries';
import { EmptyState } from '@/components/ui/empty-state';
import type { DeadLetterOverview } from '@/lib/platform/dead-letters/queries';
import { kstDateTime } from '@/lib/platform/time/kst';

const time = kstDateTime;

/** Counts per source topic and the latest dead letters, refreshed every two seconds. */
export function DeadLettersLive({ initial }: { initial: DeadLetterOverview }) {
  const { data, error } = useQuery({ ...deadLettersQuery(), initialData: initial });
  return (
    <>
      {error && <p className="notice bad" role="alert">Live updates paused: {error.message}</p>}
      <section className="panel" aria-labelledby="dl-counts-h">
        <h2 id="dl-counts-h">Per source topic <span className="badge" data-testid="dead-letter-total">{data.total} in total</span></h2>
        {data.byTopic.length === 0 ? (
          <EmptyState title="No dead letters">Every message so far was understood by every consumer.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table data-testid="dead-letter-counts">
              <thead><tr><th>Source topic</th><th>Dead letters</th><th>Latest</th></tr></thead>
              <tbody>
                {data.byTopic.map((t) => (
                  <tr key={t.sourceTopic} data-topic={t.sourceTopic}>
                    <td><code>{t.sourceTopic}</code></td>
                    <td data-col="count">{t.count}</td>
                    <td>{time(t.latestAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {data.latest.length > 0 && (
        <section className="panel" aria-labelledby="dl-latest-h">
          <h2 id="dl-latest-h">Latest</h2>
          <div className="table-wrap">
            <table data-testid="dead-letters">
              <thead><tr><th>When</th><th>Source</th><th>Consumer</th><th>Reason</th><th>Message</th></tr></thead>
              <tbody>
                {data.latest.map((d) => (
                  <tr key={d.id}>
                    <td>{time(d.createdAt)}</td>
                    <td><code>{d.sourceTopic}</code><div className="muted">partition {d.partition}, offset {d.offset}</div></td>
                    <td>{d.consumer}</td>
                    <td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', minWidth: '14rem' }}>{d.reason}</td>
                    <td><code style={{ overflowWrap: 'anywhere' }}>{d.value === null ? '(empty)' : d.value.slice(0, 160)}</code></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
