import { createInterest } from '@/lib/sales/interests/create-interest';
import { customerInterestsView } from '@/lib/sales/interests/queries';
import { jsonResponse, readJson } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';

export const dynamic = 'force-dynamic';

/** The signed-in customer's projects and interests, from the read models (polled by the live page). */
export async function GET() {
  return jsonResponse(async () => customerInterestsView((await requireViewer('customer')).customerId));
}

/** CreateInterest: { projectId }. Answers 201 with the matched salesman (null when nobody covers the region). */
export async function POST(request: Request) {
  return jsonResponse(async () => {
    const viewer = await requireViewer('customer');
    const correlationId = request.headers.get('x-correlation-id') ?? undefined;
    const { interest, salesman } = await createInterest({
      viewer,
      input: await readJson(request),
      correlationId: correlationId && /^[0-9a-f-]{36}$/i.test(correlationId) ? correlationId : undefined,
    });
    return { id: interest.id, projectId: interest.projectId, interested: interest.interested, salesman, correlationId: interest.correlationId };
  }, 201);
}
