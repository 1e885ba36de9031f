'use client';

import { useQuery } from '@tanstack/react-query';
import type { Inbox } from '@/lib/sales/notifications/queries';
import styles from './inbox.module.css';
import { inboxQuery } from './queries';

/** "N unread", live; shows nothing at zero so the eye goes where there is news. */
export function UnreadBadge({ initial }: { initial?: Inbox }) {
  const { data } = useQuery({ ...inboxQuery(), initialData: initial });
  const unread = data?.unread ?? 0;
  return (
    <span className={`badge ${unread ? styles.count : ''}`} data-testid="notification-unread" aria-live="polite">
      {unread} unread
    </span>
  );
}
