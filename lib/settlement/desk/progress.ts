/**
 * The worker's progress as the desk shows it: its cursor per partition of `payment`, and the FINISH-delimited
 * batches. Batch n of every partition is the same generator minute, so batches are shown by seq, summed over the
 * partitions, with how many of them have read that batch's FINISH.
 */
import { db } from '../../platform/db';
import { kstIso } from '../../platform/time/kst';

export interface CursorView { topic: string; partition: number; nextOffset: string; batchSeq: number; watermark: string | null; updatedAt: string }

export async function getWorkerProgress(): Promise<CursorView[]> {
  const rows = await db.settlementCursor.findMany({ orderBy: [{ topic: 'asc' }, { partition: 'asc' }] });
  return rows.map((c) => ({
    topic: c.topic, partition: c.partition, nextOffset: c.nextOffset.toString(), batchSeq: c.batchSeq,
    watermark: c.watermark ? kstIso(c.watermark) : null, updatedAt: kstIso(c.updatedAt),
  }));
}

export interface BatchView {
  seq: number;
  /** partitions that have this batch, and how many of them read its FINISH */
  partitions: number;
  closed: number;
  received: number; settled: number; duplicate: number; test: number; nonSettlement: number; networkCancelled: number; unconfirmed: number;
  firstAt: string | null; lastAt: string | null; closedAt: string | null;
}

/**
 * The last `limit` batch seqs (newest first) and the partition count N. Read through the primary key
 * (partition, seq): a range of seqs per partition the cursors name, never the whole table.
 */
export async function getBatches(limit = 30): Promise<{ partitions: number; batches: BatchView[] }> {
  const rows = await db.$queryRaw<(Omit<BatchView, 'firstAt' | 'lastAt' | 'closedAt'> & { firstAt: Date | null; lastAt: Date | null; closedAt: Date | null; n: number })[]>`
    WITH parts AS (SELECT DISTINCT "partition" FROM "SettlementCursor"),
         top AS (SELECT coalesce(max("batchSeq"), 0) AS s FROM "SettlementCursor")
    SELECT b.seq, count(*)::int AS partitions, count(b."closedAt")::int AS closed,
           sum(received)::int AS received, sum(settled)::int AS settled, sum(duplicate)::int AS duplicate, sum(test)::int AS test,
           sum("nonSettlement")::int AS "nonSettlement", sum("networkCancelled")::int AS "networkCancelled", sum(unconfirmed)::int AS unconfirmed,
           min(b."firstAt") AS "firstAt", max(b."lastAt") AS "lastAt", max(b."closedAt") AS "closedAt",
           (SELECT count(*)::int FROM parts) AS n
    FROM "SettlementBatch" b
    WHERE b."partition" IN (SELECT "partition" FROM parts) AND b.seq > (SELECT s FROM top) - ${limit}::int
    GROUP BY b.seq ORDER BY b.seq DESC`;
  const iso = (d: Date | null) => (d ? kstIso(d) : null);
  return {
    partitions: rows[0]?.n ?? (await db.settlementCursor.count()),
    batches: rows.map(({ n: _n, ...b }) => ({ ...b, firstAt: iso(b.firstAt), lastAt: iso(b.lastAt), closedAt: iso(b.closedAt) })),
  };
}
