import type { Tx } from '../../platform/db';
import type { EventOf } from '../../platform/events/catalog';
import type { BatchHandler } from '../../platform/kafka/run-consumer';
import type { OrderPlacedPayload } from '../sinks/orders';
import type { UserRegisteredPayload } from '../sinks/users';
import { statsDelta, type StatsDelta } from './stats-delta';

/** Adds a delta to the read models: one upsert per table, keys sorted so concurrent writers lock in one order. */
export async function applyStatsDelta(tx: Tx, d: StatsDelta): Promise<void> {
  const sorted = <V>(m: Map<string, V>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const minutes = sorted(d.minutes);
  if (minutes.length) {
    await tx.$executeRaw`
      INSERT INTO "CommerceMinute" (minute, carts, lines, revenue, "newUsers")
      SELECT * FROM unnest(${minutes.map(([k]) => k)}::timestamptz[], ${minutes.map(([, v]) => v.carts)}::int[],
        ${minutes.map(([, v]) => v.lines)}::int[], ${minutes.map(([, v]) => v.revenue)}::bigint[], ${minutes.map(([, v]) => v.newUsers)}::int[])
      ON CONFLICT (minute) DO UPDATE SET carts = "CommerceMinute".carts + EXCLUDED.carts, lines = "CommerceMinute".lines + EXCLUDED.lines,
        revenue = "CommerceMinute".revenue + EXCLUDED.revenue, "newUsers" = "CommerceMinute"."newUsers" + EXCLUDED."newUsers"`;
  }
  const cats = sorted(d.categories);
  if (cats.length) {
    await tx.$executeRaw`
      INSERT INTO "CommerceCategoryMinute" (minute, category, lines, quantity, revenue)
      SELECT * FROM unnest(${cats.map(([k]) => k.split('|')[0])}::timestamptz[], ${cats.map(([k]) => k.split('|')[1])}::text[],
        ${cats.map(([, v]) => v.lines)}::int[], ${cats.map(([, v]) => v.quantity)}::int[], ${cats.map(([, v]) => v.revenue)}::bigint[])
      ON CONFLICT (minute, category) DO UPDATE SET lines = "CommerceCategoryMinute".lines + EXCLUDED.lines,
        quantity = "CommerceCategoryMinute".quantity + EXCLUDED.quantity, revenue = "CommerceCategoryMinute".revenue + EXCLUDED.revenue`;
  }
  const days = sorted(d.days);
  if (days.length) {
    await tx.$executeRaw`
      INSERT INTO "CommerceDay" (day, carts, lines, revenue, "newUsers")
      SELECT * FROM unnest(${days.map(([k]) => k)}::date[], ${days.map(([, v]) => v.carts)}::int[],
        ${days.map(([, v]) => v.lines)}::int[], ${days.map(([, v]) => v.revenue)}::bigint[], ${days.map(([, v]) => v.newUsers)}::int[])
      ON CONFLICT (day) DO UPDATE SET carts = "CommerceDay".carts + EXCLUDED.carts, lines = "CommerceDay".lines + EXCLUDED.lines,
        revenue = "CommerceDay".revenue + EXCLUDED.revenue, "newUsers" = "CommerceDay"."newUsers" + EXCLUDED."newUsers"`;
  }
  const pay = sorted(d.payments);
  if (pay.length) {
    await tx.$executeRaw`
      INSERT INTO "CommercePaymentAge" ("ageGroup", method, carts, revenue)
      SELECT g, m::"PaymentMethod", c, r FROM unnest(${pay.map(([k]) => k.split('|')[0])}::text[], ${pay.map(([k]) => k.split('|')[1])}::text[],
        ${pay.map(([, v]) => v.carts)}::int[], ${pay.map(([, v]) => v.revenue)}::bigint[]) AS t(g, m, c, r)
      ON CONFLICT ("ageGroup", method) DO UPDATE SET carts = "CommercePaymentAge".carts + EXCLUDED.carts,
        revenue = "CommercePaymentAge".revenue + EXCLUDED.revenue`;
  }
}

export async function projectCommerce(tx: Tx, orders: OrderPlacedPayload[], users: UserRegisteredPayload[]): Promise<void> {
  await applyStatsDelta(tx, statsDelta(orders, users));
}

/**
 * The commerce projection: orders and new users into per-minute, per-category,
 * per-day and payment-by-age read models that the dashboard reads. Runs behind
 * the consumer's ProcessedEvent dedupe, so a redelivered order is not counted
 * twice (these counters, unlike the sinks' rows, have no natural key).
 */
export const commerceStats: BatchHandler = {
  types: new Set(['OrderPlaced', 'UserRegistered']),
  async handle(events, tx) {
    const orders = events.filter((e) => e.type === 'OrderPlaced').map((e) => (e as EventOf<'OrderPlaced'>).payload);
    const users = events.filter((e) => e.type === 'UserRegistered').map((e) => (e as EventOf<'UserRegistered'>).payload);
    await projectCommerce(tx, orders, users);
  },
};
