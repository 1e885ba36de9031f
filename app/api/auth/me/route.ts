import { jsonResponse } from '@/lib/http';
import { currentViewer } from '@/lib/session/current-viewer';
import { assertSignedIn } from '@/lib/session/roles';

export const dynamic = 'force-dynamic';

/** GET -> the signed-in viewer ({ role, name, customerId | salesmanId }), or 401. */
export async function GET() {
  return jsonResponse(async () => assertSignedIn(await currentViewer()));
}
