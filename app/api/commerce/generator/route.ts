import { controlGenerator } from '@/lib/commerce/dashboard/controls';
import { jsonResponse, readJson } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';

export const dynamic = 'force-dynamic';

/** { running?, rate? }: pause or resume the generator, set carts per second (null = the seed's pace). Staff only. */
export async function POST(request: Request) {
  return jsonResponse(async () => {
    await requireViewer('staff');
    const c = await controlGenerator(await readJson(request));
    return { running: c.running, rate: c.rate };
  });
}
