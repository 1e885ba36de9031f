import { createConsultation } from '@/lib/sales/consultations/create-consultation';
import { listConsultations } from '@/lib/sales/consultations/queries';
import { jsonResponse, readJson } from '@/lib/platform/http';
import { currentViewer, requireViewer } from '@/lib/platform/session/current-viewer';
import { assertSignedIn } from '@/lib/platform/session/roles';

export const dynamic = 'force-dynamic';

/** Consultations the viewer may see: a customer their own, a salesman those matched to them, staff all. */
export async function GET() {
  return jsonResponse(async () => {
    const viewer = assertSignedIn(await currentViewer());
    return { consultations: await listConsultations(viewer) };
  });
}

/** A customer's consultation request (same schema as the form). Answers 201 with the matched salesman. */
export async function POST(request: Request) {
  return jsonResponse(async () => {
    const viewer = await requireViewer('customer');
    const correlationId = request.headers.get('x-correlation-id') ?? undefined;
    const { consultation, salesman } = await createConsultation({
      customerId: viewer.customerId,
      input: await readJson(request),
      correlationId: correlationId && /^[0-9a-f-]{36}$/i.test(correlationId) ? correlationId : undefined,
    });
    return { id: consultation.id, step: consultation.step, salesman, createdAt: consultation.createdAt };
  }, 201);
}
