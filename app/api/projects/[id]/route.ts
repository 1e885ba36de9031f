import { jsonResponse } from '@/lib/platform/http';
import { editProject } from '@/lib/sales/projects/edit-project';
import { getProject } from '@/lib/sales/projects/queries';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { correlationIdOf, readJsonObject } from '../request';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Ctx) {
  return jsonResponse(async () => {
    await requireViewer('staff');
    return { project: await getProject((await params).id) };
  });
}

/** EditProject (staff): only the fields to change; answers with `changed` (empty = nothing saved, no event). */
export async function PATCH(request: Request, { params }: Ctx) {
  return jsonResponse(async () => {
    const viewer = await requireViewer('staff');
    const body = await readJsonObject(request);
    return editProject({ viewer, input: { ...body, projectId: (await params).id }, correlationId: correlationIdOf(request) });
  });
}
