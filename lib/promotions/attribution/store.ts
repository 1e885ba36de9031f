/**
 * The attributor's PostgreSQL side. A step of a partition task is written by one SQL statement (so one
 * transaction): its decisions (the primary key on purchaseId makes a second decision of a purchase a no-op), the
 * purchases left waiting, the analysis counts, and the cursor (where each input is). A restart reads the cursor and
 * the waiting purchases back and goes on from exactly there: that, and not Kafka's committed offsets, is what
 * makes the decisions exactly once.
 *
 * Publishing follows the commit: the decisions the statement inserted are sent to Kafka and then marked
 * published. One that a crash left unmarked is sent again by the next run, with the same eventId.
 */
import type { Db } from '../../platform/db';
import type { AttributedPurchase } from '../../platform/events/promotions';
import type { Purchase } from '../intake/contracts';
import { ageGroup } from './mask';
import { attributedRecord, type HeldPurchase } from './outputs';
import type { Cursor, Step } from './partition-task';

export interface Restored {
  cursor: Cursor | null;
  waiting: { purchase: HeldPurchase; arrivedAt: number }[];
}

export const heldPurchase = (record: Purchase): HeldPurchase =>
  ({ eventId: record.eventId, purchaseId: record.purchaseId, userId: record.userId, at: Date.parse(record.occurredAt), record });

export async function loadPartition(db: Db, purchaseTopic: string, partition: number): Promise<Restored> {
  const [cursor] = await db.$queryRaw<{ purchaseOffset: bigint; behaviorOffset: bigint; behaviorReplayOffset: bigint; streamTime: Date | null }[]>`
    SELECT "purchaseOffset", "behaviorOffset", "behaviorReplayOffset", "streamTime" FROM "AttributionCursor" WHERE "purchaseTopic" = ${purchaseTopic} AND partition = ${partition}`;
  const waiting = await db.$queryRaw<{ record: Purchase; arrivedAt: Date }[]>`
    SELECT record, "arrivedAt" FROM "AttributionPending" WHERE "purchaseTopic" = ${purchaseTopic} AND partition = ${partition}`;
  return {
    cursor: cursor ? { purchaseOffset: cursor.purchaseOffset, behaviorOffset: cursor.behaviorOffset, behaviorReplayOffset: cursor.behaviorReplayOffset,
      streamTime: cursor.streamTime?.getTime() ?? null } : null,
    waiting: waiting.map((w) => ({ purchase: heldPurchase(w.record), arrivedAt: w.arrivedAt.getTime() })),
  };
}

/** Writes a step; returns the records of the decisions it inserted (the ones to publish). */
export async function saveStep(db: Db, purchaseTopic: string, partition: number, step: Step): Promise<AttributedPurchase[]> {
  const decisions = step.decisions.map((d) => {
    const output = attributedRecord(d);
    return {
      purchaseId: d.purchase.purchaseId, userId: d.purchase.userId, purchasedAt: new Date(d.purchase.at).toISOString(), affect: d.affect,
      promotionId: d.behaviour?.promotionId ?? null, action: d.behaviour?.action ?? null,
      behaviorAt: d.behaviour ? new Date(d.behaviour.at).toISOString() : null, decidedBy: d.by, amount: d.purchase.record.amount,
      ageGroup: ageGroup(d.purchase.record.buyer.age), gender: d.purchase.record.buyer.gender, output,
    };
  });
  const waiting = step.waiting.map((w) => ({ purchaseId: w.purchase.purchaseId, record: w.purchase.record, arrivedAt: new Date(w.arrivedAt).toISOString() }));
  const behaviours = step.behaviours.map((b) => ({ promotionId: b.promotionId, userId: b.userId, minute: new Date(b.minute).toISOString(),
    views: b.action === 'view' ? b.n : 0, clicks: b.action === 'click' ? b.n : 0 }));
  const c = step.cursor;
  const [row] = await db.$queryRaw<{ inserted: AttributedPurchase[] | null }[]>`
    WITH d AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(decisions)}::jsonb) AS x("purchaseId" text, "userId" text, "purchasedAt" timestamptz,
        affect int, "promotionId" text, action text, "behaviorAt" timestamptz, "decidedBy" text, amount int, "ageGroup" text, gender text, output jsonb)),
    ins AS (
      INSERT INTO "AttributionDecision" ("purchaseId", "purchaseTopic", partition, "userId", "purchasedAt", affect, "promotionId", action,
        "behaviorAt", "decidedBy", amount, "ageGroup", gender, output)
      SELECT "purchaseId", ${purchaseTopic}, ${partition}, "userId", "purchasedAt", affect, "promotionId", action, "behaviorAt", "decidedBy",
        amount, "ageGroup", gender, output FROM d
      ON CONFLICT ("purchaseId") DO NOTHING
      RETURNING "purchaseId", affect, "promotionId", action, "ageGroup", amount, "purchasedAt", output),
    unwait AS (DELETE FROM "AttributionPending" WHERE "purchaseId" IN (SELECT "purchaseId" FROM d)),
    wait AS (
      INSERT INTO "AttributionPending" ("purchaseId", "purchaseTopic", partition, record, "arrivedAt")
      SELECT w."purchaseId", ${purchaseTopic}, ${partition}, w.record, w."arrivedAt"
      FROM jsonb_to_recordset(${JSON.stringify(waiting)}::jsonb) AS w("purchaseId" text, record jsonb, "arrivedAt" timestamptz)
      WHERE w."purchaseId" NOT IN (SELECT "purchaseId" FROM d)
        AND NOT EXISTS (SELECT 1 FROM "AttributionDecision" a WHERE a."purchaseId" = w."purchaseId")
      ON CONFLICT ("purchaseId") DO NOTHING),
    -- a behaviour says only who: the age group is the shop user's (the shop is the audience), else "unknown"
    beh AS (
      SELECT b.*, CASE WHEN u.age IS NULL THEN 'unknown' WHEN u.age < 20 THEN '10대' WHEN u.age >= 60 THEN '60대 이상'
        ELSE (u.age / 10 * 10)::text || '대' END AS "ageGroup"
      FROM jsonb_to_recordset(${JSON.stringify(behaviours)}::jsonb) AS b("promotionId" text, "userId" text, minute timestamptz, views int, clicks int)
      LEFT JOIN "ShopUser" u ON u.id = b."userId"),
    clicked AS (
      INSERT INTO "PromotionClicker" ("promotionId", "userId", "ageGroup")
      SELECT DISTINCT ON ("promotionId", "userId") "promotionId", "userId", "ageGroup" FROM beh WHERE clicks > 0
      ORDER BY "promotionId", "userId"
      ON CONFLICT DO NOTHING RETURNING "promotionId", "ageGroup"),
    counts AS (
      SELECT "promotionId", "ageGroup", minute, views, clicks, 0 AS purchases, 0 AS "clickPurchases", 0::bigint AS revenue FROM beh
      UNION ALL
      SELECT "promotionId", "ageGroup", date_trunc('minute', "purchasedAt"), 0, 0, 1, (action = 'click')::int, amount FROM ins WHERE affect = 1),
    stats AS (
      INSERT INTO "PromotionStatsMinute" ("promotionId", "ageGroup", minute, views, clicks, "affectedPurchases", revenue)
      SELECT "promotionId", "ageGroup", minute, sum(views), sum(clicks), sum(purchases), sum(revenue) FROM counts
      GROUP BY "promotionId", "ageGroup", minute
      ON CONFLICT ("promotionId", "ageGroup", minute) DO UPDATE SET
        views = "PromotionStatsMinute".views + EXCLUDED.views,
        clicks = "PromotionStatsMinute".clicks + EXCLUDED.clicks,
        "affectedPurchases" = "PromotionStatsMinute"."affectedPurchases" + EXCLUDED."affectedPurchases",
        revenue = "PromotionStatsMinute".revenue + EXCLUDED.revenue),
    totals AS (
      SELECT "promotionId", "ageGroup", 0 AS clickers, views, clicks, purchases, "clickPurchases", revenue FROM counts
      UNION ALL
      SELECT "promotionId", "ageGroup", 1, 0, 0, 0, 0, 0 FROM clicked),
    reach AS (
      INSERT INTO "PromotionReach" ("promotionId", "ageGroup", clickers, views, clicks, "affectedPurchases", "clickPurchases", revenue)
      SELECT "promotionId", "ageGroup", sum(clickers), sum(views), sum(clicks), sum(purchases), sum("clickPurchases"), sum(revenue) FROM totals
      GROUP BY "promotionId", "ageGroup"
      ON CONFLICT ("promotionId", "ageGroup") DO UPDATE SET
        clickers = "PromotionReach".clickers + EXCLUDED.clickers, views = "PromotionReach".views + EXCLUDED.views,
        clicks = "PromotionReach".clicks + EXCLUDED.clicks,
        "affectedPurchases" = "PromotionReach"."affectedPurchases" + EXCLUDED."affectedPurchases",
        "clickPurchases" = "PromotionReach"."clickPurchases" + EXCLUDED."clickPurchases",
        revenue = "PromotionReach".revenue + EXCLUDED.revenue),
    cur AS (
      INSERT INTO "AttributionCursor" ("purchaseTopic", partition, "purchaseOffset", "behaviorOffset", "behaviorReplayOffset", "streamTime",
        "latePurchases", "lateBehaviors", "updatedAt")
      VALUES (${purchaseTopic}, ${partition}, ${c.purchaseOffset}, ${c.behaviorOffset}, ${c.behaviorReplayOffset}, ${c.streamTime === null ? null : new Date(c.streamTime)},
        ${step.late.purchases}, ${step.late.behaviours}, now())
      ON CONFLICT ("purchaseTopic", partition) DO UPDATE SET
        "purchaseOffset" = EXCLUDED."purchaseOffset", "behaviorOffset" = EXCLUDED."behaviorOffset",
        "behaviorReplayOffset" = EXCLUDED."behaviorReplayOffset", "streamTime" = EXCLUDED."streamTime",
        "latePurchases" = "AttributionCursor"."latePurchases" + EXCLUDED."latePurchases",
        "lateBehaviors" = "AttributionCursor"."lateBehaviors" + EXCLUDED."lateBehaviors", "updatedAt" = now()
      -- a replica that lost the partition in a rebalance and writes one last step never moves the cursor back
      WHERE EXCLUDED."purchaseOffset" >= "AttributionCursor"."purchaseOffset" AND EXCLUDED."behaviorOffset" >= "AttributionCursor"."behaviorOffset")
    SELECT (SELECT jsonb_agg(output) FROM ins) AS inserted`;
  return row?.inserted ?? [];
}

export async function markPublished(db: Db, purchaseIds: string[]): Promise<void> {
  if (!purchaseIds.length) return;
  await db.$executeRaw`UPDATE "AttributionDecision" SET "publishedAt" = now() WHERE "purchaseId" = ANY(${purchaseIds}::text[])`;
}

/** Decisions of a partition that a crash left unpublished (sent again before the partition goes on). */
export async function unpublished(db: Db, purchaseTopic: string, partition: number): Promise<AttributedPurchase[]> {
  const rows = await db.$queryRaw<{ output: AttributedPurchase }[]>`
    SELECT output FROM "AttributionDecision"
    WHERE "purchaseTopic" = ${purchaseTopic} AND partition = ${partition} AND "publishedAt" IS NULL ORDER BY "purchasedAt"`;
  return rows.map((r) => r.output);
}
