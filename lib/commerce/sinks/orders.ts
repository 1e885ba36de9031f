import type { Tx } from '../../platform/db';
import type { EventOf } from '../../platform/events/catalog';
import type { BatchHandler } from '../../platform/kafka/run-consumer';
import { bumpTotals } from '../read-models/counters';

export type OrderPlacedPayload = EventOf<'OrderPlaced'>['payload'];

export interface OrdersWritten {
  orders: number;
  lines: number;
  revenue: number;
}

/**
 * Writes checked-out carts: the order, its lines, the buyer's last order time and
 * the products' order counts, for the orders not written before. Idempotent by
 * order id: an order written twice is one order, and counts move only for the
 * orders this call inserted, so redelivery never double-counts. lastOrderedAt
 * takes the maximum, so a late or replayed order never moves it back.
 *
 * Three replicas of the orders sink run at once and share hot products, so the
 * product rows are locked in id order (no deadlock between replicas) and last,
 * just before commit (they are held for as short a time as possible).
 */
export async function writeOrders(tx: Tx, orders: OrderPlacedPayload[]): Promise<OrdersWritten> {
  if (!orders.length) return { orders: 0, lines: 0, revenue: 0 };
  const [written] = await tx.$queryRaw<{ orders: number; lines: number; revenue: number; products: { id: string; n: number }[] | null }[]>`
    WITH input AS (
      SELECT DISTINCT ON ("orderId") *
      FROM jsonb_to_recordset(${JSON.stringify(orders)}::jsonb) AS x(
        "orderId" uuid, "userId" text, "orderedAt" timestamptz, "paymentMethod" text, subtotal int, "shippingFee" int,
        discount int, total int, "scenarioId" int, buyer jsonb, lines jsonb)
      ORDER BY "orderId"),
    ins AS (
      INSERT INTO "ShopOrder" (id, "userId", "orderedAt", "paymentMethod", subtotal, "shippingFee", discount, total,
        "lineCount", "itemCount", "scenarioId", "buyerProvince", "buyerGender", "buyerAge")
      SELECT "orderId", "userId", "orderedAt", "paymentMethod"::"PaymentMethod", subtotal, "shippingFee", discount, total,
        jsonb_array_length(lines), (SELECT sum((l->>'quantity')::int) FROM jsonb_array_elements(lines) l),
        "scenarioId", buyer->>'province', (buyer->>'gender')::"Gender", (buyer->>'age')::int
      FROM input
      ON CONFLICT (id) DO NOTHING
      RETURNING id, "userId", "orderedAt", total),
    new_lines AS (
      SELECT ins.id AS "orderId", l.*
      FROM ins JOIN input ON input."orderId" = ins.id,
        jsonb_to_recordset(input.lines) AS l("lineNo" int, "productId" text, category text, quantity int, "unitPrice" int, amount int)),
    lines_ins AS (
      INSERT INTO "OrderLine" ("orderId", "lineNo", "productId", category, quantity, "unitPrice", amount)
      SELECT "orderId", "lineNo", "productId", category, quantity, "unitPrice", amount FROM new_lines
      RETURNING 1),
    buyers AS (
      UPDATE "ShopUser" u SET "lastOrderedAt" = GREATEST(u."lastOrderedAt", b.latest)
      FROM (SELECT "userId", max("orderedAt") AS latest FROM ins GROUP BY "userId") b
      WHERE u.id = b."userId" AND (u."lastOrderedAt" IS NULL OR u."lastOrderedAt" < b.latest)
      RETURNING 1)
    SELECT (SELECT count(*) FROM ins)::int AS orders,
      (SELECT count(*) FROM lines_ins)::int AS lines,
      (SELECT coalesce(sum(total), 0) FROM ins)::float8 AS revenue,
      (SELECT count(*) FROM buyers) AS buyers,
      (SELECT jsonb_agg(jsonb_build_object('id', "productId", 'n', n) ORDER BY "productId")
         FROM (SELECT "productId", count(*)::int AS n FROM new_lines GROUP BY "productId") p) AS products`;
  const w = written!;
  if (w.products?.length) {
    const ids = w.products.map((p) => p.id);
    await tx.$executeRaw`SELECT 1 FROM "Product" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
    await tx.$executeRaw`
      UPDATE "Product" p SET "orderCount" = p."orderCount" + s.n
      FROM unnest(${ids}::text[], ${w.products.map((p) => p.n)}::int[]) AS s(id, n)
      WHERE p.id = s.id`;
  }
  await bumpTotals(tx, { orders: w.orders, orderLines: w.lines, revenue: Math.round(w.revenue) });
  return { orders: w.orders, lines: w.lines, revenue: w.revenue };
}

export const orderSink: BatchHandler = {
  types: new Set(['OrderPlaced']),
  async handle(events, tx) {
    await writeOrders(tx, events.map((e) => (e as EventOf<'OrderPlaced'>).payload));
  },
};
