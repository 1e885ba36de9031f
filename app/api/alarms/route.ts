import { listAlarms } from '@/lib/alarms/queries';
import { jsonResponse } from '@/lib/http';
import { requireViewer } from '@/lib/session/current-viewer';

export const dynamic = 'force-dynamic';

/** The signed-in salesman's alarm feed (polled by the live panel). */
export async function GET() {
  return jsonResponse(async () => listAlarms((await requireViewer('salesman')).salesmanId));
}
