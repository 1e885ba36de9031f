import { jsonResponse } from '@/lib/platform/http';
import { notificationStream } from '@/lib/platform/live/sse';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { ALARMS_CHANNEL, concernsSalesman } from '@/lib/sales/alarms/live';

export const dynamic = 'force-dynamic';

/**
 * Server-sent events: `event: alarms` as soon as the alarm worker has committed an
 * alarm for the signed-in salesman; the feed then refetches /api/alarms. Without
 * it the feed would learn of a new alarm only at its next poll.
 */
export async function GET(request: Request) {
  let salesmanId: string;
  try {
    salesmanId = (await requireViewer('salesman')).salesmanId;
  } catch (e) {
    return jsonResponse(() => Promise.reject(e));
  }
  return notificationStream(request, { channel: ALARMS_CHANNEL, event: 'alarms', concerns: (payload) => concernsSalesman(payload, salesmanId) });
}
