import { jsonResponse, readJson } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { listMerchants } from '@/lib/settlement/registry/queries';
import { createMerchant } from '@/lib/settlement/registry/save-merchant';

export const dynamic = 'force-dynamic';

/** The merchant registry (staff). */
export async function GET() {
  return jsonResponse(async () => {
    await requireViewer('staff');
    return { merchants: await listMerchants() };
  });
}

/** { number: "merchant-0420", name, settlementEnabled?: true, test?: false }: a new merchant (staff); 409 when the number exists. */
export async function POST(request: Request) {
  return jsonResponse(async () => {
    const viewer = await requireViewer('staff');
    return { merchant: await createMerchant({ viewer, input: await readJson(request) }) };
  }, 201);
}
