import { editConsultation } from '@/lib/sales/consultations/edit-consultation';
import { getConsultation } from '@/lib/sales/consultations/get-consultation';
import { AppError } from '@/lib/platform/errors';
import { jsonResponse, readJson } from '@/lib/platform/http';
import { currentViewer, requireViewer } from '@/lib/platform/session/current-viewer';
import { assertSignedIn } from '@/lib/platform/session/roles';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

/** One consultation for its customer, its matched salesman or staff; 404 for anyone else. */
export async function GET(_request: Request, { params }: Params) {
  return jsonResponse(async () => {
    const viewer = assertSignedIn(await currentViewer());
    return getConsultation({ viewer, consultationId: (await params).id });
  });
}

/**
 * The customer edits their own request while it is still "requested":
 * body { contactName?, phone?, company?, message?, expectedVersion? }; fields
 * left out keep their value. 409 with the reason once a salesman accepted it.
 */
export async function PATCH(request: Request, { params }: Params) {
  return jsonResponse(async () => {
    const viewer = await requireViewer('customer');
    const consultationId = (await params).id;
    const body = await readJson(request);
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new AppError('INVALID', 'The body must be a JSON object.');
    const current = await getConsultation({ viewer, consultationId });
    const { contactName, phone, company, message } = current;
    const { consultation, changed } = await editConsultation({
      viewer,
      input: { contactName, phone, company, message, ...body, consultationId },
    });
    return { id: consultation.id, step: consultation.step, version: consultation.version, changed };
  });
}
