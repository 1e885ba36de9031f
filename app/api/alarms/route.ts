import { listAlarms } from '@/lib/sales/alarms/queries';
import { jsonResponse } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';

export const dynamic = 'force-dynamic';

/** The signed-in salesman's alarm feed, newest first: ?cursor=<last alarm id shown>&limit=20. */
export async function GET(request: Request) {
  return jsonResponse(async () => {
    const viewer = await requireViewer('salesman');
    const params = new URL(request.url).searchParams;
    return listAlarms({ viewer, input: { cursor: params.get('cursor') || undefined, limit: params.get('limit') ?? undefined } });
  });
}
