import { z } from 'zod';
import { jsonResponse } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { classificationParam, dayParam } from '@/lib/settlement/desk/days';
import { basesCursor, getBases } from '@/lib/settlement/desk/queries';
import { parseQuery } from '@/lib/settlement/desk/query-params';
import { merchantNumber } from '@/lib/settlement/registry/schemas';

export const dynamic = 'force-dynamic';

/** ?merchant=merchant-0001&day=YYYY-MM-DD[&classification=settled][&after=<next>]: a merchant-day's bases, 50 a page (staff). */
export async function GET(request: Request) {
  return jsonResponse(async () => {
    await requireViewer('staff');
    const p = parseQuery(z.object({ merchant: merchantNumber, day: dayParam(), classification: classificationParam, after: basesCursor }),
      request.url, ['merchant', 'day', 'classification', 'after']);
    return getBases({ day: p.day, merchantNumber: p.merchant, classification: p.classification, after: p.after });
  });
}
