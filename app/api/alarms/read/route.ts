import { markAlarmsRead } from '@/lib/sales/alarms/mark-read';
import { jsonResponse, readJson } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';

export const dynamic = 'force-dynamic';

/** Mark alarms read: body { "alarmId": "…" } or { "all": true, "upTo": "<newest alarm id shown>" }. */
export async function POST(request: Request) {
  return jsonResponse(async () => {
    const viewer = await requireViewer('salesman');
    return markAlarmsRead({ viewer, input: await readJson(request) });
  });
}
