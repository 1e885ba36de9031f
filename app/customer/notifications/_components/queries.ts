import { queryOptions } from '@tanstack/react-query';
import type { Inbox } from '@/lib/sales/notifications/queries';
import type { CustomerInterestsView } from '@/lib/sales/interests/queries';
import { getJson, LIVE_MS } from '@/components/live-queries';

// The customer's live panels poll at the shared live interval: a started project shows within seconds.

export const inboxQuery = () =>
  queryOptions({ queryKey: ['notifications'], queryFn: () => getJson<Inbox>('/api/notifications'), refetchInterval: LIVE_MS });

export const interestsQuery = () =>
  queryOptions({ queryKey: ['interests'], queryFn: () => getJson<CustomerInterestsView>('/api/interests'), refetchInterval: LIVE_MS });

/** "2026-03-02" -> "2026.03.02", the way Korean programme notices write dates. */
export const dot = (d: string | null) => (d ? d.replaceAll('-', '.') : null);
// Korean time whatever the server's or browser's zone, so the server render and the browser agree.
export const when = (iso: string) => new Date(iso).toLocaleString('ko-KR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Seoul' });
