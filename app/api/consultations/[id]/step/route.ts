import { changeConsultationStep } from '@/lib/sales/consultations/change-step';
import { jsonResponse, readJson } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';

export const dynamic = 'force-dynamic';

/** The matched salesman moves a consultation to its next step: body { "step": "accepted" }. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return jsonResponse(async () => {
    const viewer = await requireViewer('salesman');
    const body = (await readJson(request)) as Record<string, unknown> | null;
    const updated = await changeConsultationStep({ viewer, input: { ...body, consultationId: (await params).id } });
    return { id: updated.id, step: updated.step };
  });
}
