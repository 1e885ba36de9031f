import type { Tx } from '../../platform/db';
import type { EventOf } from '../../platform/events/catalog';
import type { BatchHandler } from '../../platform/kafka/run-consumer';
import type { Grade } from '../catalogue/categories';
import { bumpGradeCounts, bumpTotals } from '../read-models/counters';

export type UserRegisteredPayload = EventOf<'UserRegistered'>['payload'];

/**
 * Writes shop users as they register. Idempotent by the user's id: a
 * redelivered UserRegistered inserts nothing and counts nothing, so no
 * ProcessedEvent row is needed. Returns how many were new.
 */
export async function writeUsers(tx: Tx, users: UserRegisteredPayload[]): Promise<number> {
  if (!users.length) return 0;
  const inserted = await tx.$queryRaw<{ grade: Grade; n: number }[]>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(users)}::jsonb) AS x(
        "userId" text, name text, gender text, age int, "birthYear" int, province text, district text, street text,
        email text, phone text, grade text, status text, "marketingConsent" boolean, "createdAt" timestamptz,
        "lastLoginAt" timestamptz, "randomSeed" float8)),
    ins AS (
      INSERT INTO "ShopUser" (id, name, gender, age, "birthYear", province, district, street, email, phone, grade, status,
        "marketingConsent", "createdAt", "lastLoginAt", "randomSeed", "lastOrderedAt")
      SELECT DISTINCT ON ("userId") "userId", name, gender::"Gender", age, "birthYear", province, district, street, email, phone,
        grade::"Grade", status::"ShopUserStatus", "marketingConsent", "createdAt", "lastLoginAt", "randomSeed",
        -- users and orders come through different sinks: orders of this user may have landed first
        (SELECT max(o."orderedAt") FROM "ShopOrder" o WHERE o."userId" = input."userId")
      FROM input ORDER BY "userId"
      ON CONFLICT (id) DO NOTHING
      RETURNING grade)
    SELECT grade, count(*)::int AS n FROM ins GROUP BY grade`;
  const total = inserted.reduce((s, r) => s + r.n, 0);
  await bumpGradeCounts(tx, Object.fromEntries(inserted.map((r) => [r.grade, r.n])));
  await bumpTotals(tx, { users: total });
  return total;
}

export const userSink: BatchHandler = {
  types: new Set(['UserRegistered']),
  async handle(events, tx) {
    await writeUsers(tx, events.map((e) => (e as EventOf<'UserRegistered'>).payload));
  },
};
