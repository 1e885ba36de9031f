import { jsonResponse } from '@/lib/platform/http';
import { listNotifications } from '@/lib/sales/notifications/queries';
import { requireViewer } from '@/lib/platform/session/current-viewer';

export const dynamic = 'force-dynamic';

/** The signed-in customer's inbox with the unread count (polled by the live panels). */
export async function GET() {
  return jsonResponse(async () => listNotifications((await requireViewer('customer')).customerId));
}
