import { jsonResponse, readJson } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { listPromotions } from '@/lib/promotions/catalogue/queries';
import { createPromotion } from '@/lib/promotions/catalogue/save-promotion';

export const dynamic = 'force-dynamic';

/** Every promotion (staff). */
export async function GET() {
  return jsonResponse(async () => {
    await requireViewer('staff');
    return { promotions: await listPromotions() };
  });
}

/** { name, categories, productIds, discountRate, channel, startsAt, endsAt } (times as Korea time): a new promotion (staff). */
export async function POST(request: Request) {
  return jsonResponse(async () => {
    const viewer = await requireViewer('staff');
    return { promotion: await createPromotion({ viewer, input: await readJson(request) }) };
  }, 201);
}
