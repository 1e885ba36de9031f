import { z } from 'zod';
import { jsonResponse, readJson } from '@/lib/platform/http';
import { requireViewer } from '@/lib/platform/session/current-viewer';
import { parseQuery } from '@/lib/settlement/desk/query-params';
import { merchantNumber } from '@/lib/settlement/registry/schemas';
import { listRules } from '@/lib/settlement/rules/queries';
import { saveRule } from '@/lib/settlement/rules/save-rule';

export const dynamic = 'force-dynamic';

/** [?merchant=merchant-0001]: payout rules per merchant with their state today (staff). */
export async function GET(request: Request) {
  return jsonResponse(async () => {
    await requireViewer('staff');
    const { merchant } = parseQuery(z.object({ merchant: merchantNumber.optional() }), request.url, ['merchant']);
    return { merchants: await listRules({ merchantNumber: merchant }) };
  });
}

/**
 * { merchantNumber, method, action, effectiveFrom: "YYYY-MM-DD" (after today, Korea), feeRate: percent (e.g. "2.5"),
 * payoutDays: 0-60, note? }: schedules a rule change, published on `payout-rules` (staff): 201 { rule, replaced }.
 * The same key and day again replaces that scheduled change (replaced: true); a day up to today is refused (400).
 */
export async function POST(request: Request) {
  return jsonResponse(async () => {
    const viewer = await requireViewer('staff');
    return saveRule({ viewer, input: await readJson(request) });
  }, 201);
}
