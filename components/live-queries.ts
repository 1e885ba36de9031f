import { queryOptions } from '@tanstack/react-query';
import type { AlarmRow } from '@/lib/alarms/queries';
import type { ConsultationRow } from '@/lib/consultations/queries';

/** Live panels poll once a second: alarms must show within 2 s of the event. */
const LIVE_MS = 1_000;

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { cache: 'no-store' });
  const body = await res.json();
  if (!res.ok) throw new Error(body?.message ?? `HTTP ${res.status}`);
  return body as T;
}

export const alarmsQuery = () =>
  queryOptions({
    queryKey: ['alarms'],
    queryFn: () => getJson<{ alarms: AlarmRow[]; unread: number }>('/api/alarms'),
    refetchInterval: LIVE_MS,
  });

export const consultationsQuery = () =>
  queryOptions({
    queryKey: ['consultations'],
    queryFn: () => getJson<{ consultations: ConsultationRow[] }>('/api/consultations'),
    refetchInterval: LIVE_MS,
  });
