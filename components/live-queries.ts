import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { AlarmPage } from '@/lib/sales/alarms/queries';
import type { ConsultationRow } from '@/lib/sales/consultations/queries';

/** Live panels poll once a second: alarms must show within 2 s of the event. */
export const LIVE_MS = 1_000;

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { cache: 'no-store' });
  const body = await res.json();
  if (!res.ok) throw new Error(body?.message ?? `HTTP ${res.status}`);
  return body as T;
}

/** While a panel's pushed-change stream is open, its poll is a safety net only (a lost notification). */
export const SAFETY_POLL_MS = 15_000;

/**
 * The alarm feed: page 1 is the newest alarms; "Load more" adds older pages by
 * cursor. A refetch walks the pages again from the top, so new alarms push the
 * older ones down without gaps or repeats. `pushed`: the feed's stream of new
 * alarms (/api/alarms/live) is open, so it need not poll every second.
 */
export const alarmsQuery = (pushed = false) =>
  infiniteQueryOptions({
    queryKey: ['alarms'],
    queryFn: ({ pageParam }) => getJson<AlarmPage>(`/api/alarms${pageParam ? `?cursor=${pageParam}` : ''}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: pushed ? SAFETY_POLL_MS : LIVE_MS,
  });

export const consultationsQuery = () =>
  queryOptions({
    queryKey: ['consultations'],
    queryFn: () => getJson<{ consultations: ConsultationRow[] }>('/api/consultations'),
    refetchInterval: LIVE_MS,
  });

// ─── Staff statistics, dead letters and worker health (live panels) ─────────

type StatsSnapshot = import('@/lib/sales/stats/queries').StatsSnapshot;
type WorkerHealthList = Awaited<ReturnType<typeof import('@/lib/platform/health/workers').listWorkerHealth>>;
type DeadLetterOverview = import('@/lib/platform/dead-letters/queries').DeadLetterOverview;

/** Statistics for one project's chart, or every project's (null). Counts must follow events within 2 s. */
export const statsQuery = (projectId: string | null) =>
  queryOptions({
    queryKey: ['stats', projectId ?? 'all'],
    queryFn: () => getJson<StatsSnapshot>(projectId ? `/api/stats?projectId=${encodeURIComponent(projectId)}` : '/api/stats'),
    refetchInterval: LIVE_MS,
  });

/** Heartbeats arrive every 5 s; polling faster would show nothing new. */
export const workersQuery = () =>
  queryOptions({
    queryKey: ['health', 'workers'],
    queryFn: () => getJson<WorkerHealthList>('/api/health/workers'),
    refetchInterval: 5_000,
  });

export const deadLettersQuery = () =>
  queryOptions({
    queryKey: ['dead-letters'],
    queryFn: () => getJson<DeadLetterOverview>('/api/dead-letters'),
    refetchInterval: 2_000,
  });
