import { readJson, jsonResponse } from '@/lib/platform/http';
import { updateInterest } from '@/lib/sales/interests/update-interest';
import { requireViewer } from '@/lib/platform/session/current-viewer';

export const dynamic = 'force-dynamic';

/** UpdateInterest: { interested: boolean } on one of the customer's own interests (someone else's answers 404). */
export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return jsonResponse(async () => {
    const viewer = await requireViewer('customer');
    const body = await readJson(request);
    const { interest, changed } = await updateInterest({
      viewer,
      input: { ...(typeof body === 'object' && body ? body : {}), interestId: (await params).id },
    });
    return { id: interest.id, projectId: interest.projectId, interested: interest.interested, changed };
  });
}
