import { Suspense } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import { formatCount } from '@/lib/commerce/dashboard/format';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import { plusDays, todayKst } from '@/lib/settlement/desk/days';
import type { Figures } from '@/lib/settlement/desk/figures';
import { reconcileDay, type DayReconciliation } from '@/lib/settlement/desk/reconciliation';
import { Krw } from '../_components/money';
import { ReconciliationVerdict } from '../_components/reconciliation-verdict';
import styles from '../settlement.module.css';

export const dynamic = 'force-dynamic';

const DAYS = 7;
const KEYS: { k: keyof Figures; label: string }[] = [
  { k: 'count', label: 'Count' }, { k: 'amount', label: 'Amount' }, { k: 'fee', label: 'Fee' }, { k: 'vat', label: 'VAT' }, { k: 'payout', label: 'Payout' },
];

/**
 * Per approval day of the last 7: the settled bases summed against the statistics; any difference in red with the
 * figures. The days are read side by side and each streams in when its sum is done (a day is a scan of its bases).
 */
export default async function ReconciliationPage() {
  await pageViewer('staff');
  const today = todayKst();
  const days = Array.from({ length: DAYS }, (_, i) => plusDays(today, -i));
  const results = days.map((d) => reconcileDay(d));
  // the rows and the summary await these; a failure shows once, in the summary
  for (const r of results) r.catch(() => {});
  return (
    <>
      <PageHeader title="Reconciliation" description={`For each approval day of the last ${DAYS} (Korea time), the settled bases summed against the statistics the worker kept. The worker writes both in one statement, so they must agree to the won.`} />
      <Suspense fallback={<p className="notice info" aria-busy="true">Summing the bases of {DAYS} days…</p>}>
        <Summary results={results} />
      </Suspense>
      <section className="panel" aria-labelledby="rec-h">
        <h2 id="rec-h">By approval day</h2>
        <div className="table-wrap">
          <table aria-label="Reconciliation by approval day" data-testid="reconciliation">
            <thead>
              <tr><th scope="col">Day</th><th scope="col">Side</th>{KEYS.map((c) => <th key={c.k} scope="col" className={styles.num}>{c.label}</th>)}</tr>
            </thead>
            {days.map((day, i) => (
              <Suspense key={day} fallback={<tbody><tr><th scope="row">{day}</th><td colSpan={6}><div className="skeleton" /></td></tr></tbody>}>
                <Day result={results[i]!} />
              </Suspense>
            ))}
          </table>
        </div>
      </section>
    </>
  );
}

async function Summary({ results }: { results: Promise<DayReconciliation>[] }) {
  const days = await Promise.all(results);
  const bad = days.filter((d) => d.differs.length > 0);
  return (
    <p className={`notice ${bad.length ? 'bad' : 'ok'}`} data-testid="reconciliation-summary" role={bad.length ? 'alert' : 'status'}>
      {bad.length ? `${bad.length} of ${days.length} days differ: ${bad.map((d) => d.day).join(', ')}.` : `No difference: every day of the last ${days.length} reconciles.`}
    </p>
  );
}

async function Day({ result }: { result: Promise<DayReconciliation> }) {
  const d = await result;
  const cell = (side: Figures, k: keyof Figures) => (
    <td key={k} className={`${styles.num} ${d.differs.includes(k) ? styles.bad : ''}`}>{k === 'count' ? formatCount(side[k]) : <Krw value={side[k]} />}</td>
  );
  return (
    <tbody data-testid={`day-${d.day}`}>
      <tr className={styles.joined}><th scope="row" rowSpan={3}>{d.day}</th><td>Settled bases</td>{KEYS.map(({ k }) => cell(d.bases, k))}</tr>
      <tr className={styles.joined}><td>Statistics</td>{KEYS.map(({ k }) => cell(d.statistics, k))}</tr>
      <tr className={styles.sub}><td colSpan={6}><ReconciliationVerdict r={d} /></td></tr>
    </tbody>
  );
}
