import { getCommerceSummary } from '@/lib/commerce/dashboard/summary';
import { jsonResponse } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';

export const dynamic = 'force-dynamic';

/** Totals, users per grade, the active scenario and the generator's setting (staff). */
export async function GET() {
  return jsonResponse(async () => {
    await requireViewer('staff');
    return getCommerceSummary();
  });
}
