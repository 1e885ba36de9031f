import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db';
import { CustomerGradeChanged } from '../../platform/events/commerce';
import { Prisma } from '../../generated/prisma/client';
import { GRADES } from '../catalogue/categories';
import { GRADE_THRESHOLDS, rankOf, windowLabel, windowOf } from './rules';

export interface GradePassOptions {
  /** Reference time: the pass counts orders in [asOf - 180 days, asOf). */
  asOf: Date;
  /** Appended to every change's reason, e.g. "history run, 31 Dec". */
  reason?: string;
  /** GradeChange.at and the events' occurredAt; default asOf (a historical pass happens at its own time). */
  at?: Date;
}

export interface GradePassResult {
  /** users assessed: with orders in the window, or above BRONZE */
  users: number;
  changed: number;
  promoted: number;
  demoted: number;
  ms: number;
  /** shared by the pass's CustomerGradeChanged events */
  correlationId: string;
}

/** Serialises passes (worker and `npm run grades -- --once` may overlap). */
const PASS_LOCK = Prisma.sql`hashtext('commerce.grade-pass')`;
const GRADE_ARRAY = Prisma.raw(`ARRAY[${GRADES.map((g) => `'${g}'`).join(',')}]::"Grade"[]`);

/** rank 0..3 of the grade the window's figures qualify for (rules.ts as a CASE). */
const qualifyingRank = (orders: Prisma.Sql, amount: Prisma.Sql) => Prisma.sql`CASE
  ${Prisma.join(GRADE_THRESHOLDS.map((t) => Prisma.sql`WHEN ${amount} >= ${t.minAmount}::bigint AND ${orders} >= ${t.minOrders}::int THEN ${rankOf(t.grade)}::int`), '\n  ')}
  ELSE 0 END`;

/**
 * One grade pass as ONE SQL statement, so a million users cost one round trip
 * and the changes, their history, their events and the counters commit together:
 * aggregate the window's orders per user, decide the new grade (promotion
 * immediate, demotion one step), update ShopUser, write GradeChange, one
 * CustomerGradeChanged outbox row per change (+ NOTIFY), and move the users
 * between the CommerceGradeCount rows. Users with no orders in the window who
 * are BRONZE are not touched.
 *
 * Concurrency: the orders sink updates ShopUser.lastOrderedAt meanwhile. The
 * rows to change are locked in id order before the UPDATE (so a writer that also
 * goes in id order cannot deadlock with us; any other deadlock is retried), and
 * the UPDATE only applies where the grade is still the one the pass read, so a
 * concurrent pass can never make the history, the events and the counters
 * disagree. An order committed after the pass's snapshot counts at the next pass.
 */
export async function runGradePass(db: Db, opts: GradePassOptions): Promise<GradePassResult> {
  const started = performance.now();
  const correlationId = randomUUID();
  const statement = gradePassSql(opts, correlationId);
  for (let attempt = 1; ; attempt++) {
    try {
      const [row] = await db.$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PASS_LOCK})`;
          await tx.$executeRawUnsafe(PASS_SETTINGS);
          return tx.$queryRaw<{ users: number; changed: number; promoted: number }[]>(statement);
        },
        { maxWait: 10_000, timeout: 10 * 60_000 },
      );
      const { users, changed, promoted } = row!;
      return { users, changed, promoted, demoted: changed - promoted, ms: Math.round(performance.now() - started), correlationId };
    } catch (e) {
      // A writer that locks users in another order can deadlock with us; the pass is one statement, so retry it whole.
      if (attempt < 3 && /deadlock detected|40P01|could not serialize/i.test(String((e as Error).message))) continue;
      throw e;
    }
  }
}

/** The window's aggregate and the join hash up to a million users: keep them in memory (SET LOCAL: this transaction only). */
export const PASS_SETTINGS = `SET LOCAL work_mem = '128MB'`;

/** The pass's one statement (exported for EXPLAIN in the benchmark). */
export function gradePassSql(opts: GradePassOptions, correlationId: string): Prisma.Sql {
  const { from, to } = windowOf(opts.asOf);
  const at = opts.at ?? opts.asOf;
  const envelope = {
    type: CustomerGradeChanged.type,
    version: CustomerGradeChanged.version,
    occurredAt: at.toISOString(),
    correlationId,
    causationId: null,
  };
  const label = windowLabel(opts.asOf);
  const note = opts.reason ? `; ${opts.reason}` : '';

  return Prisma.sql`
    -- One aggregate, no join: the window's orders and the users above BRONZE (anyone else is BRONZE) grouped by
    -- user, so everyone with orders or a grade to lose is assessed in one hash pass (the UPDATE re-checks the grade).
    WITH assessed AS MATERIALIZED (
      SELECT id, coalesce(max(grade), 'BRONZE') AS "from", count(total)::int AS orders, coalesce(sum(total), 0)::bigint AS amount
      FROM (
        SELECT "userId" AS id, NULL::"Grade" AS grade, total FROM "ShopOrder"
        WHERE "orderedAt" >= ${from.toISOString()}::timestamp(3) AND "orderedAt" < ${to.toISOString()}::timestamp(3)
        UNION ALL
        SELECT id, grade, NULL FROM "ShopUser" WHERE grade <> 'BRONZE'
      ) x
      GROUP BY id
    ),
    scored AS (
      SELECT id, "from", orders, amount, array_position(${GRADE_ARRAY}, "from") - 1 AS cur, ${qualifyingRank(Prisma.sql`orders`, Prisma.sql`amount`)} AS qualified
      FROM assessed
    ),
    decided AS MATERIALIZED (
      SELECT id, "from", orders, amount, qualified,
             (${GRADE_ARRAY})[CASE WHEN qualified > cur THEN qualified ELSE cur - 1 END + 1] AS "to"
      FROM scored WHERE qualified <> cur
    ),
    -- = ANY(ARRAY(…)): primary-key lookups whatever the planner guesses for the CTE's size (a join would scan all users)
    locked AS MATERIALIZED (
      SELECT u.id FROM "ShopUser" u WHERE u.id = ANY (ARRAY(SELECT id FROM decided)) ORDER BY u.id FOR NO KEY UPDATE
    ),
    updated AS (
      UPDATE "ShopUser" u SET grade = d."to"
      FROM decided d
      WHERE u.id = ANY (ARRAY(SELECT id FROM locked)) AND d.id = u.id AND u.grade = d."from"
      RETURNING u.id, d."from", d."to", d.orders, d.amount, d.qualified
    ),
    events AS MATERIALIZED (
      SELECT gen_random_uuid() AS "eventId", id, "from", "to", orders, amount,
             format('%s: %s orders, %s → %s', ${label}::text, orders, '₩' || to_char(amount, 'FM999,999,999,999,999,990'), (${GRADE_ARRAY})[qualified + 1])
             || CASE WHEN (${GRADE_ARRAY})[qualified + 1] <> "to" THEN '; demoted one step per run, to ' || "to" ELSE '' END
             || ${note}::text AS reason
      FROM updated
    ),
    history AS (
      INSERT INTO "GradeChange" ("userId", "from", "to", at, reason, "asOf")
      SELECT id, "from", "to", ${at.toISOString()}::timestamp(3), reason, ${opts.asOf.toISOString()}::timestamp(3) FROM events
    ),
    outbox AS (
      INSERT INTO "OutboxEvent" ("eventId", topic, key, type, envelope)
      SELECT "eventId", ${CustomerGradeChanged.topic}::text, id, ${CustomerGradeChanged.type}::text,
             ${JSON.stringify(envelope)}::jsonb || jsonb_build_object(
               'eventId', "eventId",
               'payload', jsonb_build_object('userId', id, 'from', "from", 'to', "to", 'asOf', ${opts.asOf.toISOString()}::text,
                                             'orders', orders, 'amount', amount, 'reason', reason))
      FROM events ORDER BY id
      RETURNING 1
    ),
    notified AS (SELECT pg_notify('outbox', '') WHERE EXISTS (SELECT 1 FROM outbox)),
    counts AS (
      INSERT INTO "CommerceGradeCount" (grade, users)
      SELECT grade, sum(n)::int FROM (
        SELECT "from" AS grade, -1 AS n FROM updated UNION ALL SELECT "to", 1 FROM updated
      ) moves GROUP BY grade HAVING sum(n) <> 0 ORDER BY grade
      ON CONFLICT (grade) DO UPDATE SET users = "CommerceGradeCount".users + EXCLUDED.users
    )
    SELECT (SELECT count(*) FROM assessed)::int AS users,
           (SELECT count(*) FROM events)::int AS changed,
           (SELECT count(*) FROM events WHERE "to" > "from")::int AS promoted,
           (SELECT count(*) FROM notified)::int AS notified`;
}

/** One line for logs: "as of 2026-12-02T07:20:00.000Z: 812,345 users assessed, 1,204 changed (1,100 promoted, 104 demoted) in 3,412 ms". */
export function describePass(asOf: Date, r: GradePassResult): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `as of ${asOf.toISOString()}: ${n(r.users)} users assessed, ${n(r.changed)} changed (${n(r.promoted)} promoted, ${n(r.demoted)} demoted) in ${n(r.ms)} ms`;
}
