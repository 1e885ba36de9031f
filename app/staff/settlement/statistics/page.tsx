import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import { dayParam, todayKst } from '@/lib/settlement/desk/days';
import { getDailyStatistics } from '@/lib/settlement/desk/queries';
import { DayPicker } from '../_components/day-picker';
import { FigureCells, FigureHeads } from '../_components/money';
import { SplitTable } from '../_components/split-table';
import styles from '../settlement.module.css';

export const dynamic = 'force-dynamic';

/** One approval day's statistics per merchant (SettlementStatistic), each with its action x method split. */
export default async function DailyStatisticsPage({ searchParams }: { searchParams: Promise<{ day?: string }> }) {
  await pageViewer('staff');
  const asked = (await searchParams).day;
  const parsed = dayParam().safeParse(asked);
  const day = parsed.success ? parsed.data : todayKst();
  const stats = await getDailyStatistics(day);
  return (
    <>
      <PageHeader title="Daily statistics" description="Settled payment events per merchant for one approval day (Korea time), from the worker’s statistics; cancellations count negative." />
      <DayPicker day={day} action="/staff/settlement/statistics" />
      {!parsed.success && <p className="notice bad" role="alert">“{asked}” is not a day we can show: {parsed.error.issues[0]?.message} Showing today instead.</p>}
      {stats.split.length > 0 && (
        <section className="panel" aria-labelledby="split-h">
          <h2 id="split-h">{day}: all merchants by action and method</h2>
          <div className="table-wrap"><SplitTable rows={stats.split} label={`All merchants on ${day} by action and method`} /></div>
        </section>
      )}
      <section className="panel" aria-labelledby="stats-h">
        <h2 id="stats-h">{day}: {stats.merchants.length} merchants</h2>
        <p className="muted">Each merchant’s own split by action and method is on its page, with its settlement bases.</p>
        {stats.merchants.length === 0 ? (
          <EmptyState title={`Nothing settled on ${day}`}>The worker writes these totals as it settles the day’s payments.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table aria-label={`Statistics of ${day} by merchant`} data-testid="statistics">
              <thead><tr><th scope="col">Merchant</th><FigureHeads /><th scope="col"><span className="visually-hidden">Bases</span></th></tr></thead>
              <tbody>
                {stats.merchants.map((m) => (
                  <tr key={m.merchantNumber} data-testid={`merchant-${m.merchantNumber}`}>
                    <th scope="row">{m.merchantNumber} <span className="muted">{m.name ?? 'not in the registry'}</span></th>
                    <FigureCells f={m.total} />
                    <td><Link href={`/staff/settlement/statistics/${m.merchantNumber}?day=${day}`} aria-label={`Split and bases of ${m.merchantNumber} on ${day}`}>Split and bases</Link></td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className={styles.total}><th scope="row">All merchants</th><FigureCells f={stats.total} /><td /></tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
