import { chooseScenario } from '@/lib/commerce/dashboard/controls';
import { jsonResponse, readJson } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';

export const dynamic = 'force-dynamic';

/** { id }: run scenario 1..20 for its timer (0 = back to the automatic one). Staff only. */
export async function POST(request: Request) {
  return jsonResponse(async () => {
    await requireViewer('staff');
    const c = await chooseScenario(await readJson(request));
    return { scenarioId: c.scenarioId ?? 0, name: c.name, until: c.scenarioUntil?.toISOString() ?? null };
  });
}
