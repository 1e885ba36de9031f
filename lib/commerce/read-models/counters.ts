import type { Tx } from '../../platform/db';
import type { Grade } from '../catalogue/categories';

/**
 * Totals and users per grade, kept by whoever writes the rows, in the same
 * transaction and only for rows that write actually inserted: the sinks (new
 * users, products, orders), the catalogue seed and the grade updater. Counting
 * here instead of at request time keeps the summary O(1) at millions of rows;
 * counting only what was inserted keeps it exact under redelivery.
 */
export interface TotalsDelta {
  users?: number;
  products?: number;
  orders?: number;
  orderLines?: number;
  revenue?: number | bigint;
}

export async function bumpTotals(tx: Tx, d: TotalsDelta): Promise<void> {
  const v = { users: d.users ?? 0, products: d.products ?? 0, orders: d.orders ?? 0, orderLines: d.orderLines ?? 0, revenue: BigInt(d.revenue ?? 0) };
  if (!v.users && !v.products && !v.orders && !v.orderLines && !v.revenue) return;
  await tx.$executeRaw`
    INSERT INTO "CommerceTotals" (id, users, products, orders, "orderLines", revenue)
    VALUES (1, ${v.users}, ${v.products}, ${v.orders}, ${v.orderLines}, ${v.revenue})
    ON CONFLICT (id) DO UPDATE SET
      users = "CommerceTotals".users + EXCLUDED.users,
      products = "CommerceTotals".products + EXCLUDED.products,
      orders = "CommerceTotals".orders + EXCLUDED.orders,
      "orderLines" = "CommerceTotals"."orderLines" + EXCLUDED."orderLines",
      revenue = "CommerceTotals".revenue + EXCLUDED.revenue`;
}

/** Adds (or with negative numbers removes) users of each grade. */
export async function bumpGradeCounts(tx: Tx, d: Partial<Record<Grade, number>>): Promise<void> {
  const entries = Object.entries(d).filter(([, n]) => n);
  if (!entries.length) return;
  await tx.$executeRaw`
    INSERT INTO "CommerceGradeCount" (grade, users)
    SELECT g::"Grade", n FROM unnest(${entries.map(([g]) => g)}::text[], ${entries.map(([, n]) => n)}::int[]) AS t(g, n)
    ORDER BY g
    ON CONFLICT (grade) DO UPDATE SET users = "CommerceGradeCount".users + EXCLUDED.users`;
}
