import { cdcConnector } from '@/app/staff/customers/_components/cdc';
import { identityPool } from '@/lib/identity/desk/pool';
import { sharedIdentityStats } from '@/lib/identity/desk/stats';
import { jsonResponse } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';

export const dynamic = 'force-dynamic';

/** Customer 360's live figures, and the CDC connector's state and slot lag (null without CONNECT_URL) (staff). */
export async function GET() {
  return jsonResponse(async () => {
    await requireViewer('staff');
    const [stats, connector] = await Promise.all([sharedIdentityStats(identityPool()), cdcConnector()]);
    return { ...stats, connector };
  });
}
