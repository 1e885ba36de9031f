import { jsonResponse, readJson } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { updatePromotion } from '@/lib/promotions/catalogue/save-promotion';

export const dynamic = 'force-dynamic';

/** The whole promotion again, changed (staff). */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return jsonResponse(async () => {
    const viewer = await requireViewer('staff');
    return { promotion: await updatePromotion({ viewer, id: (await params).id, input: await readJson(request) }) };
  });
}
