import type { Tx } from '../../platform/db';
import type { EventOf } from '../../platform/events/catalog';
import type { BatchHandler } from '../../platform/kafka/run-consumer';
import { bumpTotals } from '../read-models/counters';

export type ProductListedPayload = EventOf<'ProductListed'>['payload'];

/** Writes products as they are listed; idempotent by product id (see writeUsers). Returns how many were new. */
export async function writeProducts(tx: Tx, products: ProductListedPayload[]): Promise<number> {
  if (!products.length) return 0;
  const n = await tx.$executeRaw`
    INSERT INTO "Product" (id, category, name, brand, price, "listPrice", "discountRate", description, rating,
      "reviewCount", stock, "createdAt")
    SELECT DISTINCT ON ("productId") "productId", category, name, brand, price, "listPrice", "discountRate", description,
      rating, "reviewCount", stock, "createdAt"
    FROM jsonb_to_recordset(${JSON.stringify(products)}::jsonb) AS x(
      "productId" text, category text, name text, brand text, price int, "listPrice" int, "discountRate" float8,
      description text, rating float8, "reviewCount" int, stock int, "createdAt" timestamptz)
    ORDER BY "productId"
    ON CONFLICT (id) DO NOTHING`;
  await bumpTotals(tx, { products: n });
  return n;
}

export const productSink: BatchHandler = {
  types: new Set(['ProductListed']),
  async handle(events, tx) {
    await writeProducts(tx, events.map((e) => (e as EventOf<'ProductListed'>).payload));
  },
};
