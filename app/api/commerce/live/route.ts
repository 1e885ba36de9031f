import { getCommerceLive } from '@/lib/commerce/dashboard/live';
import { jsonResponse } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';

export const dynamic = 'force-dynamic';

/** Everything the live Commerce dashboard draws, from the read models (staff; polled every second). */
export async function GET() {
  return jsonResponse(async () => {
    await requireViewer('staff');
    return getCommerceLive();
  });
}
