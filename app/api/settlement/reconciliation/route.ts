import { z } from 'zod';
import { jsonResponse } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { dayParam } from '@/lib/settlement/desk/days';
import { parseQuery } from '@/lib/settlement/desk/query-params';
import { getReconciliation } from '@/lib/settlement/desk/reconciliation';

export const dynamic = 'force-dynamic';

const query = z.object({
  until: dayParam(),
  days: z.preprocess((v) => v ?? '7', z.coerce.number({ message: 'days: a whole number from 1 to 14.' }).int('days: a whole number from 1 to 14.').min(1, 'At least 1 day.').max(14, 'At most 14 days.')),
});

/** ?until=YYYY-MM-DD (default today, Korea)&days=7 (1-14): per approval day, settled bases vs statistics (staff). */
export async function GET(request: Request) {
  return jsonResponse(async () => {
    await requireViewer('staff');
    const { until, days } = parseQuery(query, request.url, ['until', 'days']);
    const result = await getReconciliation(until, days);
    return { reconciles: result.every((d) => d.differs.length === 0), days: result };
  });
}
