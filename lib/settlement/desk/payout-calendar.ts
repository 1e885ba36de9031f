/**
 * What is paid out on each of the next days, per merchant: the settled bases by payout day (D+N business days after
 * approval), from the SettlementPayout read model the worker keeps in the same statement as the statistics (the
 * statistics are keyed by approval day, so they cannot say this). A range of its primary key (payoutDay first).
 */
import { db } from '../../platform/db';
import { holidayNames, isBusinessDay } from '../calendar/business-days';
import { plusDays, todayKst, type Day } from './days';
import { figuresOf, sumFigures, type Figures } from './figures';

export interface PayoutMerchant extends Figures { merchantNumber: string; name: string | null }
export interface PayoutDay {
  day: Day;
  /** 0 = Sunday */
  weekday: number;
  holidays: readonly string[];
  businessDay: boolean;
  total: Figures;
  merchants: PayoutMerchant[];
}

export const PAYOUT_WINDOW_DAYS = 14;

export async function getPayoutCalendar(from: Day = todayKst(), days = PAYOUT_WINDOW_DAYS): Promise<PayoutDay[]> {
  const to = plusDays(from, days - 1);
  const rows = await db.$queryRaw<({ day: string; merchantNumber: string; name: string | null; count: number } & Record<'amount' | 'fee' | 'vat' | 'payout', bigint>)[]>`
    SELECT p."payoutDay" AS day, p."merchantNumber", m.name, p.count, p.amount, p.fee, p.vat, p.payout
    FROM "SettlementPayout" p LEFT JOIN "Merchant" m ON m.number = p."merchantNumber"
    WHERE p."payoutDay" >= ${from} AND p."payoutDay" <= ${to} AND (p.count <> 0 OR p.payout <> 0)
    ORDER BY 1, 2`;
  return Array.from({ length: days }, (_, i) => {
    const day = plusDays(from, i);
    const merchants = rows.filter((r) => r.day === day).map((r) => ({ merchantNumber: r.merchantNumber, name: r.name, ...figuresOf(r) }));
    return {
      day, weekday: new Date(`${day}T00:00:00Z`).getUTCDay(), holidays: holidayNames(day), businessDay: isBusinessDay(day),
      total: sumFigures(merchants), merchants,
    };
  });
}
