import { identityPool } from '@/lib/identity/desk/pool';
import { searchInput } from '@/lib/identity/desk/schemas';
import { searchCustomers } from '@/lib/identity/desk/search';
import { jsonResponse } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { parseQuery } from '@/lib/settlement/desk/query-params';

export const dynamic = 'force-dynamic';

/** ?q=: customers by phone (any format), email or name (typo- and spacing-tolerant), each hit with why it matched (staff). */
export async function GET(request: Request) {
  return jsonResponse(async () => {
    await requireViewer('staff');
    const { q } = parseQuery(searchInput, request.url, ['q']);
    return searchCustomers(identityPool(), q);
  });
}
