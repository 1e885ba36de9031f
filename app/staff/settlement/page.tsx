import Link from 'next/link';
import { Suspense } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { formatCount } from '@/lib/commerce/dashboard/format';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import { kstDateTime } from '@/lib/platform/time/kst';
import { todayKst } from '@/lib/settlement/desk/days';
import { getBatches, getWorkerProgress } from '@/lib/settlement/desk/progress';
import { getDayCounts } from '@/lib/settlement/desk/queries';
import { reconcileDay } from '@/lib/settlement/desk/reconciliation';
import { AutoRefresh } from './_components/auto-refresh';
import { Krw } from './_components/money';
import { ReconciliationVerdict } from './_components/reconciliation-verdict';
import styles from './settlement.module.css';

export const dynamic = 'force-dynamic';

const LABEL: Record<string, string> = {
  settled: 'Settled', duplicate: 'Duplicate', test: 'Test', 'non-settlement': 'Non-settlement', 'network-cancelled': 'Network-cancelled',
  unconfirmed: 'Unconfirmed (held)', 'unconfirmed-expired': 'Unconfirmed, expired', confirmation: 'Confirmation',
};

const Skeleton = () => <section className="panel" aria-busy="true"><div className="skeleton" /><div className="skeleton" /></section>;

/** Today's settlement at a glance: classifications, whether the statistics reconcile, the worker's cursors and batches. */
export default async function SettlementOverviewPage() {
  await pageViewer('staff');
  const today = todayKst();
  return (
    <>
      <PageHeader
        title="Settlement"
        description={<>Payments of the shop read from the <code>payment</code> topic: one settlement base per event, classified, and totals per approval day (Korea time). Today is {today}. <AutoRefresh /></>}
        actions={<Link className="button secondary" href={`/staff/settlement/statistics?day=${today}`}>Today’s statistics</Link>}
      />
      <Suspense fallback={<Skeleton />}><TodayCounts today={today} /></Suspense>
      <Suspense fallback={<Skeleton />}><TodayReconciliation today={today} /></Suspense>
      <div className="grid-2">
        <Suspense fallback={<Skeleton />}><Progress /></Suspense>
        <Suspense fallback={<Skeleton />}><Batches /></Suspense>
      </div>
    </>
  );
}

async function TodayCounts({ today }: { today: string }) {
  const counts = await getDayCounts(today);
  return (
    <section className={styles.kpis} aria-label={`Payment events of ${today} by classification`} data-testid="day-counts">
      {counts.map((c) => (
        <div key={c.classification} className={styles.kpi} data-testid={`count-${c.classification}`}>
          <span className={styles.kpiLabel}>{LABEL[c.classification] ?? c.classification}</span>
          <span className={styles.kpiValue}>{formatCount(c.count)}</span>
        </div>
      ))}
    </section>
  );
}

async function TodayReconciliation({ today }: { today: string }) {
  const r = await reconcileDay(today);
  return (
    <section className="panel" aria-labelledby="rec-h">
      <h2 id="rec-h">Reconciliation today</h2>
      <ReconciliationVerdict r={r} />
      <p className="muted">Settled today so far: {formatCount(r.bases.count)} bases, <Krw value={r.bases.amount} /> paid, <Krw value={r.bases.payout} /> to pay out. <Link href="/staff/settlement/reconciliation">Last 7 days</Link></p>
    </section>
  );
}

const ago = (iso: string) => {
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  return s < 120 ? `${s} s ago` : s < 7200 ? `${Math.round(s / 60)} min ago` : kstDateTime(iso);
};

async function Progress() {
  const cursors = await getWorkerProgress();
  return (
    <section className="panel" aria-labelledby="progress-h">
      <h2 id="progress-h">Worker progress</h2>
      {cursors.length === 0 ? (
        <EmptyState title="The settlement worker has not read anything yet">It writes its cursor per partition of <code>payment</code> with every step.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table aria-label="Worker cursor per partition">
            <thead><tr><th scope="col">Partition</th><th scope="col" className={styles.num}>Next offset</th><th scope="col" className={styles.num}>Batch</th><th scope="col">Event time</th><th scope="col">Last step</th></tr></thead>
            <tbody>
              {cursors.map((c) => (
                <tr key={`${c.topic}-${c.partition}`}>
                  <th scope="row">{c.topic} {c.partition}</th>
                  <td className={styles.num}>{formatCount(Number(c.nextOffset))}</td>
                  <td className={styles.num}>{c.batchSeq}</td>
                  <td className={styles.nowrap}>{c.watermark ? kstDateTime(c.watermark).slice(5) : '–'}</td>
                  <td className={styles.nowrap}>{ago(c.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

async function Batches() {
  const { partitions, batches } = await getBatches(30);
  return (
    <section className="panel" aria-labelledby="batches-h">
      <h2 id="batches-h">Batches</h2>
      <p className="muted">A batch is a generator minute, closed by a FINISH marker in every partition; the last 30, summed over the partitions.</p>
      {batches.length === 0 ? (
        <EmptyState title="No batches yet" />
      ) : (
        <div className="table-wrap">
          <table aria-label="Batches" data-testid="batches">
            <thead>
              <tr>
                <th scope="col">Batch</th><th scope="col">Minute</th><th scope="col" className={styles.num}>Received</th><th scope="col" className={styles.num}>Settled</th>
                <th scope="col" className={styles.num} title="duplicate · test · non-settlement · network-cancelled · unconfirmed">Excluded</th><th scope="col">Closed</th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.seq}>
                  <th scope="row">{b.seq}</th>
                  <td className={styles.nowrap}>{b.firstAt ? kstDateTime(b.firstAt).slice(5, 16) : '–'}</td>
                  <td className={styles.num}>{formatCount(b.received)}</td>
                  <td className={styles.num}>{formatCount(b.settled)}</td>
                  <td className={styles.num} title={`duplicate ${b.duplicate} · test ${b.test} · non-settlement ${b.nonSettlement} · network-cancelled ${b.networkCancelled} · unconfirmed ${b.unconfirmed}`}>
                    {formatCount(b.duplicate + b.test + b.nonSettlement + b.networkCancelled + b.unconfirmed)}
                  </td>
                  <td className={`${styles.nowrap} ${b.closed === partitions ? '' : 'muted'}`}>{b.closed === partitions ? `closed in all ${partitions}` : `closed in ${b.closed} of ${partitions}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
