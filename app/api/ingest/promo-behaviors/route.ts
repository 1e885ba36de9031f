import { ingestResponse } from '@/lib/promotions/intake/ingest-api';

export const dynamic = 'force-dynamic';

/** A JSON array of promotion views and clicks: the good ones go to `promo_behavior`. Staff or an API key. */
export async function POST(request: Request) {
  return ingestResponse('promo_behavior', request);
}
