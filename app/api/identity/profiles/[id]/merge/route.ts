import { mergeProfiles } from '@/lib/identity/desk/actions';
import { mergeInput } from '@/lib/identity/desk/schemas';
import { jsonResponse, readJson } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { parseOrThrow } from '@/lib/platform/validation';

export const dynamic = 'force-dynamic';

/**
 * { otherProfileId, why, liftSplits? }: the two profiles are one person (staff). 409 when they are one already, or
 * when a staff split keeps them apart and liftSplits is not true.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return jsonResponse(async () => {
    const viewer = await requireViewer('staff');
    const body = (await readJson(request)) as Record<string, unknown>;
    const input = parseOrThrow(mergeInput, { ...body, profileId: (await params).id });
    const { mergeId, profileId, result } = await mergeProfiles(input, viewer.name);
    return { mergeId, profileId, events: result.events };
  });
}
