import { jsonResponse } from '@/lib/platform/http';
import { endProject } from '@/lib/sales/projects/end-project';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { correlationIdOf, readJsonObject } from '../../request';

export const dynamic = 'force-dynamic';

/** EndProject (staff): optional body { "endDate": "YYYY-MM-DD" } (default today, Korea time); 409 with the reason when not allowed. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return jsonResponse(async () => {
    const viewer = await requireViewer('staff');
    const body = await readJsonObject(request);
    return endProject({ viewer, input: { ...body, projectId: (await params).id }, correlationId: correlationIdOf(request) });
  });
}
