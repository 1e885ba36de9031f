import { getDeadLetterOverview } from '@/lib/platform/dead-letters/queries';
import { jsonResponse } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';

export const dynamic = 'force-dynamic';

/** Dead letters for staff: counts per source topic and the latest entries with their reasons. */
export async function GET() {
  return jsonResponse(async () => {
    await requireViewer('staff');
    return getDeadLetterOverview();
  });
}
