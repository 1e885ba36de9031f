/**
 * Reconciliation: for each approval day, the settled bases summed against the statistics the worker kept for that
 * day. The worker writes both in one statement, so they must agree to the won; a difference means a lost or double
 * delta and is shown with the figures and the merchants where it is.
 *
 * One statement per day, so both sides come from one snapshot (a step committing in between cannot make a false
 * difference); the days run side by side. Each reads one day's bases through (approvalDay, merchantNumber).
 */
import { db } from '../../platform/db';
import { plusDays, todayKst, type Day } from './days';
import { differingFigures, figuresOf, sumFigures, type Figures } from './figures';

export interface MerchantDifference { merchantNumber: string; bases: Figures; statistics: Figures; differs: (keyof Figures)[] }
export interface DayReconciliation {
  day: Day;
  bases: Figures;
  statistics: Figures;
  /** the figures that disagree; empty when the day reconciles */
  differs: (keyof Figures)[];
  merchants: MerchantDifference[];
}

type Side = Record<keyof Figures, bigint | null>;
type Row = { merchantNumber: string } & { [K in keyof Figures as `b_${K}`]: bigint | null } & { [K in keyof Figures as `s_${K}`]: bigint | null };

const side = (r: Row, p: 'b' | 's'): Side => ({ count: r[`${p}_count`], amount: r[`${p}_amount`], fee: r[`${p}_fee`], vat: r[`${p}_vat`], payout: r[`${p}_payout`] });

export async function reconcileDay(day: Day): Promise<DayReconciliation> {
  const rows = await db.$queryRaw<Row[]>`
    WITH b AS (
      SELECT "merchantNumber", count(*)::bigint AS count, sum(amount)::bigint AS amount, sum(fee)::bigint AS fee, sum(vat)::bigint AS vat, sum(payout)::bigint AS payout
      FROM "SettlementBase" WHERE "approvalDay" = ${day} AND classification = 'settled' AND "batchSeq" >= 0 GROUP BY 1),
    s AS (
      SELECT "merchantNumber", sum(count)::bigint AS count, sum(amount)::bigint AS amount, sum(fee)::bigint AS fee, sum(vat)::bigint AS vat, sum(payout)::bigint AS payout
      FROM "SettlementStatistic" WHERE "approvalDay" = ${day} GROUP BY 1)
    SELECT coalesce(b."merchantNumber", s."merchantNumber") AS "merchantNumber",
           b.count AS b_count, b.amount AS b_amount, b.fee AS b_fee, b.vat AS b_vat, b.payout AS b_payout,
           s.count AS s_count, s.amount AS s_amount, s.fee AS s_fee, s.vat AS s_vat, s.payout AS s_payout
    FROM b FULL JOIN s ON s."merchantNumber" = b."merchantNumber"
    ORDER BY 1`;
  const merchants = rows.map((r) => {
    const bases = figuresOf(side(r, 'b'));
    const statistics = figuresOf(side(r, 's'));
    return { merchantNumber: r.merchantNumber, bases, statistics, differs: differingFigures(bases, statistics) };
  });
  const bases = sumFigures(merchants.map((m) => m.bases));
  const statistics = sumFigures(merchants.map((m) => m.statistics));
  return { day, bases, statistics, differs: differingFigures(bases, statistics), merchants: merchants.filter((m) => m.differs.length > 0) };
}

/** The last `days` approval days up to `until` (today in Korea), newest first. */
export async function getReconciliation(until: Day = todayKst(), days = 7): Promise<DayReconciliation[]> {
  return Promise.all(Array.from({ length: days }, (_, i) => reconcileDay(plusDays(until, -i))));
}
