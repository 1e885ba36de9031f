/**
 * The settlement desk's reads of the worker's read models (SettlementStatistic, SettlementBase, SettlementDayCount).
 * Each is bounded by one approval day, so an index answers it however many bases there are:
 * statistics by their primary key (approvalDay first), a merchant-day's bases by (approvalDay, merchantNumber) (the
 * index is partial, WHERE "batchSeq" >= 0, which every row meets: queries say it so the planner uses it).
 */
import { z } from 'zod';
import { db } from '../../platform/db';
import { Prisma } from '../../generated/prisma/client';
import { kstIso } from '../../platform/time/kst';
import { CLASSIFICATIONS, type Classification, type Day } from './days';
import { addFigures, figuresOf, sumFigures, zeroFigures, type Figures } from './figures';

export interface SplitRow extends Figures { action: string; method: string }
export interface MerchantDay { merchantNumber: string; name: string | null; total: Figures; split: SplitRow[] }
export interface DailyStatistics {
  day: Day; total: Figures;
  /** all merchants together, per action x method */
  split: SplitRow[];
  merchants: MerchantDay[];
}

type StatRow = { merchantNumber: string; name: string | null; action: string; method: string; count: number; amount: bigint; fee: bigint; vat: bigint; payout: bigint };

/** One approval day's statistics, per merchant (or of one merchant): its totals and the action x method rows they add up from. */
export async function getDailyStatistics(day: Day, { merchantNumber }: { merchantNumber?: string } = {}): Promise<DailyStatistics> {
  const one = merchantNumber ? Prisma.sql`AND s."merchantNumber" = ${merchantNumber}` : Prisma.empty;
  const rows = await db.$queryRaw<StatRow[]>`
    SELECT s."merchantNumber", m.name, s.action, s.method, s.count, s.amount, s.fee, s.vat, s.payout
    FROM "SettlementStatistic" s LEFT JOIN "Merchant" m ON m.number = s."merchantNumber"
    WHERE s."approvalDay" = ${day} ${one} AND (s.count <> 0 OR s.amount <> 0)
    ORDER BY s."merchantNumber", s.action, s.method`;
  const byMerchant = new Map<string, MerchantDay>();
  for (const r of rows) {
    const m = byMerchant.get(r.merchantNumber) ?? { merchantNumber: r.merchantNumber, name: r.name, total: figuresOf({}), split: [] };
    m.split.push({ action: r.action, method: r.method, ...figuresOf(r) });
    byMerchant.set(r.merchantNumber, m);
  }
  const merchants = [...byMerchant.values()].map((m) => ({ ...m, total: sumFigures(m.split) }));
  const split = new Map<string, SplitRow>();
  for (const r of merchants.flatMap((m) => m.split)) {
    const k = `${r.action} ${r.method}`;
    const into = split.get(k) ?? { action: r.action, method: r.method, ...zeroFigures() };
    split.set(k, { ...addFigures(into, r), action: r.action, method: r.method });
  }
  return { day, total: sumFigures(merchants.map((m) => m.total)), split: [...split.values()].sort((a, b) => (a.action + a.method < b.action + b.method ? -1 : 1)), merchants };
}

/** How many payment events of an approval day were classified each way (every classification listed, zeros too). */
export async function getDayCounts(day: Day): Promise<{ classification: Classification; count: number }[]> {
  // one row per partition and classification (the worker's partitions write side by side): summed here
  const rows = await db.settlementDayCount.groupBy({ by: ['classification'], where: { approvalDay: day }, _sum: { count: true } });
  const by = new Map(rows.map((r) => [r.classification, r._sum.count ?? 0]));
  return CLASSIFICATIONS.map((c) => ({ classification: c, count: by.get(c) ?? 0 }));
}

/** Keyset cursor of the bases list: the last (partition, offset) shown, "3:12345". */
export const basesCursor = z.string().regex(/^\d{1,4}:\d{1,19}$/, 'A page cursor looks like 3:12345.').optional();
export const BASES_PAGE = 50;

export interface BaseView extends Omit<Figures, 'count'> {
  partition: number; offset: string; paymentId: string; action: string; status: string; method: string; channel: string;
  originalPaymentId: string | null; paymentDate: string; classification: string; reason: string | null; ruleId: string | null;
  defaultRule: boolean; payoutDay: string | null; batchSeq: number;
}

export interface BasesPage {
  day: Day; merchantNumber: string; classification: Classification | null;
  bases: BaseView[];
  /** cursor of the next page, null on the last */
  next: string | null;
  /** the merchant-day's bases per classification (for the filter) */
  counts: Record<string, number>;
}

/** A merchant-day's bases in topic order, 50 a page, optionally of one classification. */
export async function getBases(o: { day: Day; merchantNumber: string; classification?: Classification; after?: string }): Promise<BasesPage> {
  const [p, off] = o.after ? o.after.split(':') : [];
  const after = o.after ? Prisma.sql`AND ("partition", "offset") > (${Number(p)}::int, ${BigInt(off!)}::bigint)` : Prisma.empty;
  const only = o.classification ? Prisma.sql`AND classification = ${o.classification}` : Prisma.empty;
  const [rows, counts] = await Promise.all([
    db.$queryRaw<(Omit<BaseView, 'offset' | 'paymentDate' | 'amount' | 'fee' | 'vat' | 'payout'> & { offset: bigint; paymentDate: Date; amount: bigint; fee: bigint; vat: bigint; payout: bigint })[]>`
      SELECT "partition", "offset", "paymentId", action, status, method, channel, "originalPaymentId", "paymentDate", classification, reason,
             "ruleId", "defaultRule", amount, fee, vat, payout, "payoutDay", "batchSeq"
      FROM "SettlementBase"
      WHERE "approvalDay" = ${o.day} AND "merchantNumber" = ${o.merchantNumber} AND "batchSeq" >= 0 ${only} ${after}
      ORDER BY "partition", "offset" LIMIT ${BASES_PAGE + 1}`,
    db.$queryRaw<{ classification: string; n: number }[]>`
      SELECT classification, count(*)::int AS n FROM "SettlementBase"
      WHERE "approvalDay" = ${o.day} AND "merchantNumber" = ${o.merchantNumber} AND "batchSeq" >= 0 GROUP BY 1`,
  ]);
  const page = rows.slice(0, BASES_PAGE);
  const last = page.at(-1);
  return {
    day: o.day, merchantNumber: o.merchantNumber, classification: o.classification ?? null,
    bases: page.map((r) => ({
      ...r, offset: r.offset.toString(), paymentDate: kstIso(r.paymentDate), amount: Number(r.amount), fee: Number(r.fee), vat: Number(r.vat), payout: Number(r.payout),
    })),
    next: rows.length > BASES_PAGE && last ? `${last.partition}:${last.offset}` : null,
    counts: Object.fromEntries(counts.map((c) => [c.classification, c.n])),
  };
}
