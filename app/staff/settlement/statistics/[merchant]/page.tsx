import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { formatCount } from '@/lib/commerce/dashboard/format';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import { kstDateTime } from '@/lib/platform/time/kst';
import { CLASSIFICATIONS, classificationParam, dayParam, todayKst } from '@/lib/settlement/desk/days';
import { basesCursor, getBases, getDailyStatistics } from '@/lib/settlement/desk/queries';
import { getMerchant } from '@/lib/settlement/registry/queries';
import { merchantNumber } from '@/lib/settlement/registry/schemas';
import { DayPicker } from '../../_components/day-picker';
import { FigureCells, FigureHeads, Krw } from '../../_components/money';
import { SplitTable } from '../../_components/split-table';
import styles from '../../settlement.module.css';

export const dynamic = 'force-dynamic';

type Search = { day?: string; classification?: string; after?: string };

/** A merchant-day: its statistics by action x method, and its settlement bases in topic order, 50 a page. */
export default async function MerchantDayPage({ params, searchParams }: { params: Promise<{ merchant: string }>; searchParams: Promise<Search> }) {
  await pageViewer('staff');
  const number = merchantNumber.safeParse(decodeURIComponent((await params).merchant));
  if (!number.success) notFound();
  const q = await searchParams;
  const dayP = dayParam().safeParse(q.day);
  const clsP = classificationParam.safeParse(q.classification);
  const afterP = basesCursor.safeParse(q.after || undefined);
  const day = dayP.success ? dayP.data : todayKst();
  const classification = clsP.success ? clsP.data : undefined;
  const problems = [dayP, clsP, afterP].flatMap((p) => (p.success ? [] : [p.error.issues[0]?.message ?? 'Not understood.']));
  const m = number.data;
  const [stats, page, merchant] = await Promise.all([
    getDailyStatistics(day, { merchantNumber: m }),
    getBases({ day, merchantNumber: m, classification, after: afterP.success ? afterP.data : undefined }),
    getMerchant(m),
  ]);
  const base = `/staff/settlement/statistics/${m}`;
  const link = (p: { classification?: string; after?: string }) =>
    `${base}?${new URLSearchParams({ day, ...(p.classification ? { classification: p.classification } : {}), ...(p.after ? { after: p.after } : {}) })}`;
  const all = Object.values(page.counts).reduce((s, n) => s + n, 0);
  const merchantDay = stats.merchants[0];
  return (
    <>
      <PageHeader
        title={<>{m} <span className="muted">{merchant?.name ?? 'not in the registry'}</span></>}
        description={<>Approval day {day}{merchant && !merchant.settlementEnabled ? ' · settlement disabled' : ''}{merchant?.test ? ' · test merchant' : ''}.</>}
        actions={<Link className="button secondary" href={`/staff/settlement/statistics?day=${day}`}>All merchants of {day}</Link>}
      />
      <DayPicker day={day} action={base} extra={classification ? { classification } : {}} />
      {problems.length > 0 && <p className="notice bad" role="alert">{problems.join(' ')} Showing the first page{dayP.success ? '' : ' of today'} instead.</p>}
      <section className="panel" aria-labelledby="split-h">
        <h2 id="split-h">Statistics</h2>
        {merchantDay ? (
          <>
            <div className="table-wrap"><SplitTable rows={merchantDay.split} label={`${m} on ${day} by action and method`} /></div>
            <table aria-label="Total"><thead><tr><th scope="col">Total</th><FigureHeads /></tr></thead><tbody><tr className={styles.total}><th scope="row">{m}</th><FigureCells f={merchantDay.total} /></tr></tbody></table>
          </>
        ) : <p className="muted">Nothing settled for {m} on {day}.</p>}
      </section>
      <section className="panel" aria-labelledby="bases-h">
        <h2 id="bases-h">Settlement bases</h2>
        <nav aria-label="Classification" className={styles.filters}>
          <Link className="button secondary small" href={link({})} aria-current={classification ? undefined : 'page'}>All {formatCount(all)}</Link>
          {CLASSIFICATIONS.filter((c) => page.counts[c]).map((c) => (
            <Link key={c} className="button secondary small" href={link({ classification: c })} aria-current={classification === c ? 'page' : undefined}>{c} {formatCount(page.counts[c] ?? 0)}</Link>
          ))}
        </nav>
        {page.bases.length === 0 ? <p className="muted">No bases{classification ? ` classified ${classification}` : ''} for {m} on {day}.</p> : (
          <div className="table-wrap">
            <table aria-label={`Bases of ${m} on ${day}`} data-testid="bases">
              <thead>
                <tr>
                  <th scope="col">Partition:offset</th><th scope="col">Payment</th><th scope="col">Action · method</th><th scope="col">Status</th><th scope="col">Paid at</th>
                  <th scope="col">Classification</th><th scope="col" className={styles.num}>Amount</th><th scope="col" className={styles.num}>Fee</th><th scope="col" className={styles.num}>VAT</th>
                  <th scope="col" className={styles.num}>Payout</th><th scope="col">Payout day</th>
                </tr>
              </thead>
              <tbody>
                {page.bases.map((b) => (
                  <tr key={`${b.partition}:${b.offset}`} className={b.classification === 'settled' ? undefined : styles.off}>
                    <td>{b.partition}:{b.offset}</td>
                    <td>{b.paymentId}{b.originalPaymentId && <div className="muted">of {b.originalPaymentId}</div>}</td>
                    <td>{b.action} · {b.method}<div className="muted">{b.channel}</div></td>
                    <td>{b.status}</td>
                    <td>{kstDateTime(b.paymentDate).slice(11)}</td>
                    <td><span className="badge">{b.classification}</span>{(b.reason || b.defaultRule) && <div className="muted">{b.reason ?? 'default rule'}</div>}</td>
                    <td className={styles.num}><Krw value={b.amount} /></td>
                    <td className={styles.num}><Krw value={b.fee} /></td>
                    <td className={styles.num}><Krw value={b.vat} /></td>
                    <td className={styles.num}><Krw value={b.payout} /></td>
                    <td>{b.payoutDay ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="Pages" className="actions">
          {q.after && <Link className="button secondary small" href={link({ classification })}>First page</Link>}
          {page.next && <Link className="button secondary small" href={link({ classification, after: page.next })}>Next 50 →</Link>}
        </nav>
      </section>
    </>
  );
}
