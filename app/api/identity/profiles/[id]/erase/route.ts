import { eraseProfile } from '@/lib/identity/desk/actions';
import { eraseInput } from '@/lib/identity/desk/schemas';
import { jsonResponse, readJson } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { parseOrThrow } from '@/lib/platform/validation';

export const dynamic = 'force-dynamic';

/** { why, confirm: "ERASE" }: the person's records leave every identity table and the sources; an audit entry stays (staff). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return jsonResponse(async () => {
    const viewer = await requireViewer('staff');
    const body = (await readJson(request)) as Record<string, unknown>;
    return eraseProfile(parseOrThrow(eraseInput, { ...body, profileId: (await params).id }), viewer.name);
  });
}
