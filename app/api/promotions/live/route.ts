import { jsonResponse } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { getPromotionAnalysis } from '@/lib/promotions/analysis/queries';

export const dynamic = 'force-dynamic';

/** The promotion analysis, from the attributor's read models (staff; polled every second). */
export async function GET() {
  return jsonResponse(async () => {
    await requireViewer('staff');
    return getPromotionAnalysis();
  });
}
