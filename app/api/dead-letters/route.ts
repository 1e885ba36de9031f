import { getDeadLetterOverview } from '@/lib/dead-letters/queries';
import { jsonResponse } from '@/lib/http';
import { requireViewer } from '@/lib/session/current-viewer';

export const dynamic = 'force-dynamic';

/** Dead letters for staff: counts per source topic and the latest entries with their reasons. */
export async function GET() {
  return jsonResponse(async () => {
    await requireViewer('staff');
    return getDeadLetterOverview();
  });
}
