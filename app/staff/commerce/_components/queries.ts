import { queryOptions } from '@tanstack/react-query';
import { getJson, LIVE_MS } from '@/components/live-queries';
import type { CommerceLive } from '@/lib/commerce/dashboard/live';

/** The whole dashboard in one poll at the shared live interval: figures follow the shop within 2 s. */
export const commerceLiveQuery = () =>
  queryOptions({ queryKey: ['commerce', 'live'], queryFn: () => getJson<CommerceLive>('/api/commerce/live'), refetchInterval: LIVE_MS });
