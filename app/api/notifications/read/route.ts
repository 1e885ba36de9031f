import { jsonResponse, readJson } from '@/lib/platform/http';
import { markNotificationsRead } from '@/lib/sales/notifications/mark-read';
import { requireViewer } from '@/lib/platform/session/current-viewer';

export const dynamic = 'force-dynamic';

/** Mark read: { notificationId } for one (404 when it is not in the caller's inbox), or { all: true }. */
export async function POST(request: Request) {
  return jsonResponse(async () => markNotificationsRead({ viewer: await requireViewer('customer'), input: await readJson(request) }));
}
