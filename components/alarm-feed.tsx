'use client';

import { useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useState } from 'react';
import type { AlarmPage } from '@/lib/sales/alarms/queries';
import type { MarkReadInput } from '@/lib/sales/alarms/schemas';
import styles from './alarm-feed.module.css';
import { alarmsQuery } from './live-queries';
import { usePushedChanges } from './use-pushed-changes';

// Fixed zone: the server's render and the browser's hydration must print the same text.
const time = (iso: string) => new Date(iso).toLocaleString('ko-KR', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Asia/Seoul' });
const kind = (eventType: string) => eventType.replace(/(Created|Edited|Started|Ended|Updated)$/, '');

/**
 * The salesman's alarm feed: newest first, refetched as the alarm worker commits
 * a new alarm (pushed; polled every second while the push stream is down), older pages
 * on "Load more", unread count, mark one or all as read.
 */
export function AlarmFeed({ initial }: { initial: AlarmPage }) {
  const queryClient = useQueryClient();
  const pushed = usePushedChanges('/api/alarms/live', 'alarms', ['alarms']);
  const { data, error, fetchNextPage, hasNextPage, isFetchingNextPage } = useInfiniteQuery({
    ...alarmsQuery(pushed),
    initialData: { pages: [initial], pageParams: [null] },
  });
  const [markError, setMarkError] = useState<string | null>(null);
  const [marking, setMarking] = useState(false);
  const alarms = data.pages.flatMap((p) => p.alarms);
  const unread = data.pages[0]?.unread ?? 0;

  async function markRead(input: MarkReadInput) {
    setMarking(true);
    setMarkError(null);
    try {
      const res = await fetch('/api/alarms/read', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
      const body = await res.json();
      if (!res.ok) throw new Error(body?.message ?? `HTTP ${res.status}`);
      // Show the result at once; a poll already in flight would otherwise paint the old state back.
      await queryClient.cancelQueries({ queryKey: ['alarms'] });
      queryClient.setQueryData<InfiniteData<AlarmPage, string | null>>(['alarms'], (old) =>
        old && {
          ...old,
          pages: old.pages.map((p) => ({
            ...p,
            unread: body.unread,
            alarms: p.alarms.map((a) => (input.all || a.id === input.alarmId ? { ...a, read: true } : a)),
          })),
        },
      );
    } catch (e) {
      setMarkError(`Could not mark as read: ${(e as Error).message}`);
    } finally {
      setMarking(false);
      void queryClient.invalidateQueries({ queryKey: ['alarms'] });
    }
  }

  return (
    <>
      <div className={styles.head}>
        <h2 id="alarms-h">
          Alarms{' '}
          <span className="badge" data-testid="unread-count" aria-live="polite" aria-atomic="true">
            {unread} unread
          </span>
        </h2>
        {unread > 0 && (
          <button type="button" className="secondary small" disabled={marking} onClick={() => markRead({ all: true, upTo: alarms[0]?.id })}>
            Mark all read
          </button>
        )}
      </div>
      {error && <p className="notice bad" role="alert">Live updates paused: {error.message}</p>}
      {markError && <p className="notice bad" role="alert">{markError}</p>}
      {alarms.length === 0 ? (
        <p className="empty">No alarms yet. New projects, interests and consultation requests appear here within a second or two.</p>
      ) : (
        <ul className="feed" data-testid="alarms" data-live={pushed ? 'pushed' : 'polled'}>
          {alarms.map((a) => (
            <li key={a.id} className={a.read ? '' : 'unread'} data-event-type={a.eventType} data-read={a.read} data-alarm-id={a.id}>
              <div className="title">
                {!a.read && <span className="badge requested">New</span>} <span className="badge">{kind(a.eventType)}</span> {a.title}
              </div>
              <div>{a.body}</div>
              <div className={styles.meta}>
                <time dateTime={a.occurredAt}>{time(a.occurredAt)}</time>
                {!a.read && (
                  <button type="button" className="secondary small" disabled={marking} onClick={() => markRead({ alarmId: a.id })} aria-label={`Mark read: ${a.title}`}>
                    Mark read
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {hasNextPage ? (
        <button type="button" onClick={() => fetchNextPage()} disabled={isFetchingNextPage} className={`secondary ${styles.more}`}>
          {isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      ) : (
        data.pages.length > 1 && <p className="muted">That is every alarm.</p>
      )}
    </>
  );
}
