import Link from 'next/link';
import { Suspense } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import { formatCount } from '@/lib/commerce/dashboard/format';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import { todayKst } from '@/lib/settlement/desk/days';
import { getPayoutCalendar, PAYOUT_WINDOW_DAYS } from '@/lib/settlement/desk/payout-calendar';
import { FigureCells, FigureHeads } from '../_components/money';
import styles from '../settlement.module.css';

export const dynamic = 'force-dynamic';

const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** What is paid out to whom on each of the next 14 days (D+N business days after approval; weekends and holidays skipped). */
export default async function PayoutCalendarPage({ searchParams }: { searchParams: Promise<{ day?: string }> }) {
  await pageViewer('staff');
  const today = todayKst();
  const chosen = (await searchParams).day;
  return (
    <>
      <PageHeader title="Payout calendar" description={`Settled payments by the day they are paid out, ${PAYOUT_WINDOW_DAYS} days from today (${today}), net of cancellations. Payouts fall on Korean business days: weekends and public holidays are skipped.`} />
      <Suspense fallback={<section className="panel" aria-busy="true"><div className="skeleton" /><div className="skeleton" /></section>}>
        <Calendar today={today} chosen={chosen} />
      </Suspense>
    </>
  );
}

async function Calendar({ today, chosen }: { today: string; chosen?: string }) {
  const days = await getPayoutCalendar(today);
  // the chosen day, else the first with payouts
  const open = days.find((d) => d.day === chosen) ?? days.find((d) => d.merchants.length > 0);
  return (
    <>
      <section className="panel" aria-labelledby="cal-h">
        <h2 id="cal-h">Payouts by day</h2>
        <div className="table-wrap">
          <table aria-label="Payouts by day" data-testid="payout-calendar" className={styles.days}>
            <thead><tr><th scope="col">Day</th><th scope="col" className={styles.num}>Merchants</th><FigureHeads /></tr></thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.day} className={d.businessDay ? undefined : styles.off} data-testid={`payout-${d.day}`} aria-current={open?.day === d.day ? 'true' : undefined}>
                  <th scope="row">
                    {d.merchants.length > 0 ? <Link href={`/staff/settlement/calendar?day=${d.day}`}>{d.day}</Link> : d.day} {WEEKDAY[d.weekday]}
                    {d.holidays.length > 0 && <> <span className="badge">{d.holidays.join(', ')}</span></>}
                    {!d.businessDay && d.holidays.length === 0 && <> <span className="badge">weekend</span></>}
                  </th>
                  <td className={styles.num}>{formatCount(d.merchants.length)}</td>
                  <FigureCells f={d.total} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {open && (
        <section className="panel" aria-labelledby="day-h">
          <h2 id="day-h">{open.day} {WEEKDAY[open.weekday]}: {formatCount(open.merchants.length)} merchants paid</h2>
          <div className="table-wrap">
            <table aria-label={`Payouts on ${open.day} by merchant`}>
              <thead><tr><th scope="col">Merchant</th><FigureHeads /></tr></thead>
              <tbody>
                {open.merchants.map((m) => (
                  <tr key={m.merchantNumber}><th scope="row">{m.merchantNumber} <span className="muted">{m.name ?? ''}</span></th><FigureCells f={m} /></tr>
                ))}
              </tbody>
              <tfoot><tr className={styles.total}><th scope="row">All</th><FigureCells f={open.total} /></tr></tfoot>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
