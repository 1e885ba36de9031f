import { jsonResponse, readJson } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { updateMerchant } from '@/lib/settlement/registry/save-merchant';

export const dynamic = 'force-dynamic';

/** { name, settlementEnabled, test }: the merchant again, changed (staff); 404 for a number not in the registry. */
export async function PUT(request: Request, { params }: { params: Promise<{ number: string }> }) {
  return jsonResponse(async () => {
    const viewer = await requireViewer('staff');
    return { merchant: await updateMerchant({ viewer, number: (await params).number, input: await readJson(request) }) };
  });
}
