import { splitProfile } from '@/lib/identity/desk/actions';
import { splitInput } from '@/lib/identity/desk/schemas';
import { jsonResponse, readJson } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { parseOrThrow } from '@/lib/platform/validation';

export const dynamic = 'force-dynamic';

/** { recordKeys: ["CX:00000001"], why }: those records are not this person (a staff split, kept through later changes) (staff). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return jsonResponse(async () => {
    const viewer = await requireViewer('staff');
    const body = (await readJson(request)) as Record<string, unknown>;
    const input = parseOrThrow(splitInput, { ...body, profileId: (await params).id });
    const { banId, result } = await splitProfile(input, viewer.name);
    return { banId, events: result.events };
  });
}
