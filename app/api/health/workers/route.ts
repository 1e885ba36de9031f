import { listWorkerHealth } from '@/lib/platform/health/workers';
import { jsonResponse } from '@/lib/platform/http';

export const dynamic = 'force-dynamic';

/**
 * Worker health from their heartbeats: each worker up or down, its instances
 * and their last beat (stale after three missed beats). Unauthenticated like
 * the other health probes; it shows process facts (pids, partitions, lag), no data.
 */
export async function GET() {
  return jsonResponse(() => listWorkerHealth());
}
