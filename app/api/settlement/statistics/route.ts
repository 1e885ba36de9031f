import { z } from 'zod';
import { jsonResponse } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { dayParam } from '@/lib/settlement/desk/days';
import { getDailyStatistics } from '@/lib/settlement/desk/queries';
import { parseQuery } from '@/lib/settlement/desk/query-params';
import { merchantNumber } from '@/lib/settlement/registry/schemas';

export const dynamic = 'force-dynamic';

/** ?day=YYYY-MM-DD (default today, Korea) [&merchant=merchant-0001]: the approval day's statistics per merchant (staff). */
export async function GET(request: Request) {
  return jsonResponse(async () => {
    await requireViewer('staff');
    const { day, merchant } = parseQuery(z.object({ day: dayParam(), merchant: merchantNumber.optional() }), request.url, ['day', 'merchant']);
    return getDailyStatistics(day, { merchantNumber: merchant });
  });
}
