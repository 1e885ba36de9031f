'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import type { Inbox } from '@/lib/sales/notifications/queries';
import styles from './inbox.module.css';
import { MarkReadButton } from './mark-read-button';
import { inboxQuery, when } from './queries';

/**
 * The customer's inbox, newest first, live. `compact` is the short version on
 * the Projects & interests page (latest few, no buttons, a link to the rest).
 */
export function InboxList({ initial, compact = false }: { initial: Inbox; compact?: boolean }) {
  const { data, error } = useQuery({ ...inboxQuery(), initialData: initial });
  const rows = compact ? data.notifications.slice(0, 3) : data.notifications;
  return (
    <div className={styles.stack}>
      {error && <p className="notice bad" role="alert">Live updates paused: {error.message}</p>}
      {data.pending > 0 && (
        <p className="notice info" role="status">
          {data.pending} notification{data.pending === 1 ? ' is' : 's are'} on the way.
        </p>
      )}
      {!compact && data.unread > 1 && (
        <div className="actions">
          <MarkReadButton label="Mark all notifications read" />
        </div>
      )}
      {rows.length === 0 ? (
        <EmptyState title="No notifications yet">
          Follow a programme and you will be told here the moment it starts.
        </EmptyState>
      ) : (
        <ul className="feed" data-testid="notifications">
          {rows.map((n) => (
            <li key={n.id} className={n.read ? '' : 'unread'} data-read={n.read}>
              <div className={styles.item}>
                <div>
                  <div className="title">
                    {!n.read && <span className={styles.unreadDot} aria-hidden="true" />}
                    {!n.read && <span className="visually-hidden">Unread: </span>}
                    {n.title}
                  </div>
                  <p>{n.body}</p>
                  <p className={styles.meta}>
                    <time dateTime={n.deliveredAt}>{when(n.deliveredAt)}</time> · to {n.phone}
                    {n.channel === 'webhook' ? ' (sent by text)' : ''}
                  </p>
                </div>
                {!compact && !n.read && <MarkReadButton notificationId={n.id} label={`Mark read: ${n.title}`} />}
              </div>
            </li>
          ))}
        </ul>
      )}
      {compact && data.notifications.length > 0 && (
        <p>
          <Link href="/customer/notifications">All notifications ({data.unread} unread)</Link>
        </p>
      )}
    </div>
  );
}
