'use client';

import { useQuery } from '@tanstack/react-query';
import type { AlarmRow } from '@/lib/alarms/queries';
import { alarmsQuery } from './live-queries';

const time = (iso: string) => new Date(iso).toLocaleString('ko-KR', { dateStyle: 'short', timeStyle: 'medium' });

/** The salesman's alarm feed, newest first, refreshed every second. */
export function AlarmFeed({ initial }: { initial: { alarms: AlarmRow[]; unread: number } }) {
  const { data, error } = useQuery({ ...alarmsQuery(), initialData: initial });
  return (
    <>
      <h2 id="alarms-h">
        Alarms <span className="badge" data-testid="unread-count">{data.unread} unread</span>
      </h2>
      {error && <p className="notice bad" role="alert">Live updates paused: {error.message}</p>}
      {data.alarms.length === 0 ? (
        <p className="empty">No alarms yet. New consultation requests appear here within a second or two.</p>
      ) : (
        <ul className="feed" data-testid="alarms" aria-live="polite">
          {data.alarms.map((a) => (
            <li key={a.id} className={a.read ? '' : 'unread'} data-event-type={a.eventType}>
              <div className="title">{a.title}</div>
              <div>{a.body}</div>
              <time dateTime={a.occurredAt}>{time(a.occurredAt)}</time>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
