import { ageGroupOf } from '../catalogue/categories';
import type { OrderPlacedPayload } from '../sinks/orders';
import type { UserRegisteredPayload } from '../sinks/users';

/**
 * What a batch of orders and new users adds to the commerce read models, summed
 * in memory first so a batch of thousands of events is a handful of upserts.
 * Pure: the bucketing (minute of order time, Korea calendar day, age group) is
 * unit-tested without a database.
 */
export interface Counts { carts: number; lines: number; revenue: number; newUsers: number }
export interface CategoryCounts { lines: number; quantity: number; revenue: number }
export interface PaymentCounts { carts: number; revenue: number }

export interface StatsDelta {
  /** key: minute start, ISO (UTC) */
  minutes: Map<string, Counts>;
  /** key: `${minuteIso}|${category}` */
  categories: Map<string, CategoryCounts>;
  /** key: Korea calendar day, YYYY-MM-DD */
  days: Map<string, Counts>;
  /** key: `${ageGroup}|${method}` */
  payments: Map<string, PaymentCounts>;
}

const KST_OFFSET_MS = 9 * 3600_000; // Korea has no daylight saving time

export const minuteOf = (iso: string) => new Date(Math.floor(Date.parse(iso) / 60_000) * 60_000).toISOString();
export const koreaDayOf = (iso: string) => new Date(Date.parse(iso) + KST_OFFSET_MS).toISOString().slice(0, 10);

const zero = (): Counts => ({ carts: 0, lines: 0, revenue: 0, newUsers: 0 });
function at<V>(m: Map<string, V>, k: string, make: () => V): V {
  let v = m.get(k);
  if (!v) m.set(k, (v = make()));
  return v;
}

export function statsDelta(orders: OrderPlacedPayload[], users: UserRegisteredPayload[]): StatsDelta {
  const d: StatsDelta = { minutes: new Map(), categories: new Map(), days: new Map(), payments: new Map() };
  for (const o of orders) {
    const minute = minuteOf(o.orderedAt);
    for (const c of [at(d.minutes, minute, zero), at(d.days, koreaDayOf(o.orderedAt), zero)]) {
      c.carts += 1;
      c.lines += o.lines.length;
      c.revenue += o.total;
    }
    for (const l of o.lines) {
      const c = at(d.categories, `${minute}|${l.category}`, () => ({ lines: 0, quantity: 0, revenue: 0 }));
      c.lines += 1;
      c.quantity += l.quantity;
      c.revenue += l.amount;
    }
    const p = at(d.payments, `${ageGroupOf(o.buyer.age)}|${o.paymentMethod}`, () => ({ carts: 0, revenue: 0 }));
    p.carts += 1;
    p.revenue += o.total;
  }
  for (const u of users) {
    at(d.minutes, minuteOf(u.createdAt), zero).newUsers += 1;
    at(d.days, koreaDayOf(u.createdAt), zero).newUsers += 1;
  }
  return d;
}
