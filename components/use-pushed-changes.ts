'use client';

import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/**
 * Refetches `queryKey` whenever the server-sent-event stream at `url` says
 * `event` (the server tells of a change as it commits). Returns whether the
 * stream is open: while it is, the panel's poll is only a safety net; while it is
 * not (starting, server restarting), the panel polls at its live pace.
 * EventSource reconnects on its own; each opening refetches once.
 */
export function usePushedChanges(url: string, event: string, queryKey: QueryKey): boolean {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const key = JSON.stringify(queryKey);
  useEffect(() => {
    const source = new EventSource(url);
    const refetch = () => void queryClient.invalidateQueries({ queryKey: JSON.parse(key) as QueryKey });
    // The server opens the stream once it listens: what changed before then (since the page was rendered, or while
    // the stream was down) is in this refetch, what changes after it is pushed.
    source.addEventListener('open', () => {
      refetch();
      setOpen(true);
    });
    source.addEventListener(event, refetch);
    source.addEventListener('error', () => setOpen(false));
    return () => source.close();
  }, [url, event, key, queryClient]);
  return open;
}
