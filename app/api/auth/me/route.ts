import { jsonResponse } from '@/lib/platform/http';
import { currentViewer } from '@/lib/platform/session/current-viewer';
import { assertSignedIn } from '@/lib/platform/session/roles';

export const dynamic = 'force-dynamic';

/** GET -> the signed-in viewer ({ role, name, customerId | salesmanId }), or 401. */
export async function GET() {
  return jsonResponse(async () => assertSignedIn(await currentViewer()));
}
