import { ingestResponse } from '@/lib/promotions/intake/ingest-api';

export const dynamic = 'force-dynamic';

/** A JSON array of purchases (seed 001's shape, camelCase or snake_case): the good ones go to `purchase`. Staff or an API key. */
export async function POST(request: Request) {
  return ingestResponse('purchase', request);
}
