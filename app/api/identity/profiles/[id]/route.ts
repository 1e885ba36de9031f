import { identityPool } from '@/lib/identity/desk/pool';
import { getProfilePage } from '@/lib/identity/desk/profile';
import { jsonResponse } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';

export const dynamic = 'force-dynamic';

/**
 * One profile as the staff page shows it: golden fields with provenance, contact points, records (raw and L1), each
 * link's and refusal's explanation, history, staff decisions. An absorbed id answers its heir (redirectedFrom set);
 * 404 for an id that names no profile (staff).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return jsonResponse(async () => {
    await requireViewer('staff');
    return getProfilePage(identityPool(), (await params).id);
  });
}
