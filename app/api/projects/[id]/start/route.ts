import { jsonResponse } from '@/lib/platform/http';
import { startProject } from '@/lib/sales/projects/start-project';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { correlationIdOf, readJsonObject } from '../../request';

export const dynamic = 'force-dynamic';

/** StartProject (staff): optional body { "startDate": "YYYY-MM-DD" } (default today, Korea time); 409 with the reason when not allowed. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return jsonResponse(async () => {
    const viewer = await requireViewer('staff');
    const body = await readJsonObject(request);
    return startProject({ viewer, input: { ...body, projectId: (await params).id }, correlationId: correlationIdOf(request) });
  });
}
