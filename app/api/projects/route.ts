import { jsonResponse, readJson } from '@/lib/platform/http';
import { createProject } from '@/lib/sales/projects/create-project';
import { listProjects } from '@/lib/sales/projects/queries';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { correlationIdOf } from './request';

export const dynamic = 'force-dynamic';

/** Every project (staff). */
export async function GET() {
  return jsonResponse(async () => {
    await requireViewer('staff');
    return { projects: await listProjects() };
  });
}

/** CreateProject (staff): the same fields as the form; answers 201 with the project and its event id. */
export async function POST(request: Request) {
  return jsonResponse(async () => {
    const viewer = await requireViewer('staff');
    return createProject({ viewer, input: await readJson(request), correlationId: correlationIdOf(request) });
  }, 201);
}
