import { jsonResponse } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { getStatsSnapshot } from '@/lib/sales/stats/queries';

export const dynamic = 'force-dynamic';

/** Staff statistics for the live panel: ?projectId=<uuid> narrows the chart to one project. */
export async function GET(request: Request) {
  return jsonResponse(async () => {
    await requireViewer('staff');
    const projectId = new URL(request.url).searchParams.get('projectId') || null;
    return getStatsSnapshot({ projectId });
  });
}
