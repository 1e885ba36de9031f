import Link from 'next/link';
import { HistoryChart } from '@/components/charts/commerce-charts';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { formatCount, formatKrw } from '@/lib/commerce/dashboard/format';
import { getCommerceHistory, HISTORY_PERIODS, historyPeriod, historyYear, historyYears, type HistoryPeriod } from '@/lib/commerce/dashboard/history';
import { chooseYear } from '@/lib/commerce/dashboard/history-years';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import styles from '../commerce.module.css';

export const dynamic = 'force-dynamic';

const LABEL: Record<HistoryPeriod, string> = { day: 'By day', week: 'By week', month: 'By month' };
const PERIOD_NOUN: Record<HistoryPeriod, string> = { day: 'Day', week: 'Week from (Mon)', month: 'Month' };

/** The generated year from the CommerceDay read model (Korean calendar days), rolled up by week or month in SQL. */
export default async function CommerceHistoryPage({ searchParams }: { searchParams: Promise<{ by?: string; year?: string }> }) {
  await pageViewer('staff');
  const params = await searchParams;
  const period = historyPeriod.parse(params.by);
  const years = await historyYears();
  const year = chooseYear(years, historyYear.parse(params.year));
  const rows = year === null ? [] : await getCommerceHistory(period, year);
  const link = (p: { by?: string; year?: number }) => `/staff/commerce/history?by=${p.by ?? period}${(p.year ?? year) ? `&year=${p.year ?? year}` : ''}`;
  const sum = rows.reduce((s, r) => ({ carts: s.carts + r.carts, lines: s.lines + r.lines, revenue: s.revenue + r.revenue, newUsers: s.newUsers + r.newUsers }), { carts: 0, lines: 0, revenue: 0, newUsers: 0 });
  const days = rows.reduce((s, r) => s + r.days, 0);

  return (
    <>
      <PageHeader
        title="Commerce history"
        description="Carts, order lines, revenue and new users over the generated year (up to 366 Korean calendar days)."
        actions={<Link className="button secondary" href="/staff/commerce">Live dashboard</Link>}
      />
      <div className={styles.filters}>
        <nav aria-label="Period" className={styles.periods}>
          {HISTORY_PERIODS.map((p) => (
            <Link key={p} className="button secondary small" href={link({ by: p })} aria-current={p === period ? 'page' : undefined}>
              {LABEL[p]}
            </Link>
          ))}
        </nav>
        {years.length > 1 && (
          <nav aria-label="Year" className={styles.periods}>
            {years.map((y) => (
              <Link key={y.year} className="button secondary small" href={link({ year: y.year })} aria-current={y.year === year ? 'page' : undefined} title={`${y.days} days`}>
                {y.year}
              </Link>
            ))}
          </nav>
        )}
      </div>
      {rows.length === 0 ? (
        <section className="panel">
          <EmptyState title="No history yet">
            Run <code>npm run history</code> to generate the year; each day appears here as the projection counts it.
          </EmptyState>
        </section>
      ) : (
        <>
          <section className="panel" aria-labelledby="hist-h">
            <h2 id="hist-h">{year}, {LABEL[period].toLowerCase()}</h2>
            <p className="muted">
              {days} days, {rows[0]!.from} to {rows[rows.length - 1]!.to}: {formatCount(sum.carts)} carts, {formatCount(sum.lines)} lines, {formatKrw(sum.revenue)}, {formatCount(sum.newUsers)} new users.
            </p>
            <HistoryChart rows={rows} label={`Carts and revenue ${LABEL[period].toLowerCase()}`} />
          </section>
          <section className="panel" aria-labelledby="hist-table-h">
            <h2 id="hist-table-h">{LABEL[period]}, as numbers</h2>
            <div className="table-wrap">
              <table data-testid="history-table" data-period={period}>
                <thead>
                  <tr>
                    <th>{PERIOD_NOUN[period]}</th>
                    {period !== 'day' && <th className={styles.num}>Days</th>}
                    <th className={styles.num}>Carts</th><th className={styles.num}>Lines</th>
                    <th className={styles.num}>Revenue</th><th className={styles.num}>New users</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.start}>
                      <td className="nowrap">{period === 'month' ? r.start.slice(0, 7) : r.start}</td>
                      {period !== 'day' && <td className={styles.num}>{r.days}</td>}
                      <td className={styles.num}>{formatCount(r.carts)}</td>
                      <td className={styles.num}>{formatCount(r.lines)}</td>
                      <td className={styles.num}>{formatKrw(r.revenue)}</td>
                      <td className={styles.num}>{formatCount(r.newUsers)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </>
  );
}
