/**
 * What is paid out on each of the next days, per merchant: the settled bases by payout day (D+N business days after
 * approval). The statistics are keyed by approval day, so they cannot say this; the bases can, through their
 * (payoutDay, merchantNumber) index over a bounded window of days.
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
  const rows = await db.$queryRaw<({ day: string; merchantNumber: string; name: string | null } & Record<keyof Figures, bigint>)[]>`
    WITH paid AS (
      SELECT "payoutDay" AS day, "merchantNumber", count(*)::bigint AS count, sum(amount)::bigint AS amount, sum(fee)::bigint AS fee,
             sum(vat)::bigint AS vat, sum(payout)::bigint AS payout
      FROM "SettlementBase"
      WHERE "payoutDay" >= ${from} AND "payoutDay" <= ${to} AND classification = 'settled'
      GROUP BY 1, 2)
    SELECT paid.*, m.name FROM paid LEFT JOIN "Merchant" m ON m.number = paid."merchantNumber"
    ORDER BY day, "merchantNumber"`;
  return Array.from({ length: days }, (_, i) => {
    const day = plusDays(from, i);
    const merchants = rows.filter((r) => r.day === day).map((r) => ({ merchantNumber: r.merchantNumber, name: r.name, ...figuresOf(r) }));
    return {
      day, weekday: new Date(`${day}T00:00:00Z`).getUTCDay(), holidays: holidayNames(day), businessDay: isBusinessDay(day),
      total: sumFigures(merchants), merchants,
    };
  });
}
