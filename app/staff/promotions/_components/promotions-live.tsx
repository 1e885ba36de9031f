'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import { PromotionMinutesChart } from '@/components/charts/promotion-charts';
import { getJson, LIVE_MS } from '@/components/live-queries';
import { formatCount, formatKrw, formatShare } from '@/lib/commerce/dashboard/format';
import type { GroupFigures, PromotionAnalysis } from '@/lib/promotions/analysis/queries';
import styles from '../promotions.module.css';
import { PromotionForm } from './promotion-form';

const analysisQuery = () =>
  queryOptions({ queryKey: ['promotions', 'live'], queryFn: () => getJson<PromotionAnalysis>('/api/promotions/live'), refetchInterval: LIVE_MS });

const conversion = (g: GroupFigures) => (g.conversion === null ? '–' : formatShare(g.conversion));

function Row({ g, label, total = false }: { g: GroupFigures; label: string; total?: boolean }) {
  return (
    <tr className={total ? styles.total : undefined}>
      <th scope="row">{label}</th>
      <td className={styles.num}>{formatCount(g.views)}</td>
      <td className={styles.num}>{formatCount(g.clicks)}</td>
      <td className={styles.num}>{formatCount(g.clickers)}</td>
      <td className={styles.num}>{formatCount(g.affectedPurchases)}</td>
      <td className={styles.num}>{formatCount(g.clickPurchases)}</td>
      <td className={styles.num}>{conversion(g)}</td>
      <td className={styles.num}>{formatKrw(g.revenue)}</td>
    </tr>
  );
}

/** The analysis, polled every second: totals, the minute chart, and per promotion its age groups. */
export function PromotionsLive({ initial, categories }: { initial: PromotionAnalysis; categories: readonly string[] }) {
  const { data = initial, error } = useQuery({ ...analysisQuery(), initialData: initial });
  const all = data.promotions.reduce((s, p) => ({ affected: s.affected + p.total.affectedPurchases, revenue: s.revenue + p.total.revenue, clicks: s.clicks + p.total.clicks }), { affected: 0, revenue: 0, clicks: 0 });
  const points = data.series.map((m) => ({ minute: m.minute, views: m.views, clicks: m.clicks, affected: Object.values(m.affected).reduce((s, n) => s + n, 0) }));
  return (
    <>
      {error && <p className="notice bad" role="alert">Live updates paused: {error.message}. Retrying every second.</p>}
      <section className={styles.kpis} aria-label="Totals" aria-live="polite">
        <Kpi id="affected" label="Promotion-affected purchases" value={formatCount(all.affected)} />
        <Kpi id="revenue" label="Their revenue" value={formatKrw(all.revenue)} />
        <Kpi id="clicks" label="Clicks" value={formatCount(all.clicks)} />
        <Kpi id="late" label="Late purchases · views/clicks" value={`${formatCount(data.late.purchases)} · ${formatCount(data.late.behaviours)}`} />
      </section>
      <section className="panel" aria-labelledby="chart-h">
        <h2 id="chart-h">Per minute</h2>
        <p className="muted">Last 60 minutes, Korea time, by event time. A purchase counts when a view or click of the same user came within the 5 minutes before it. Conversion: purchases after a click / users who clicked. Late: records that came after the 1 s grace (counted, never changing a decision).</p>
        <PromotionMinutesChart points={points} />
      </section>
      {data.promotions.map((p) => (
        <section key={p.id} className={`panel ${styles.promo}`} aria-labelledby={`p-${p.id}`} data-testid={`promotion-${p.id}`}>
          <div className={styles.promoHead}>
            <h2 id={`p-${p.id}`}>{p.id} {p.name}</h2>
            <span className="badge">{p.channel.toLowerCase()}</span>
            <span className="badge">{p.discountRate}% off</span>
            <span className="badge">{p.state}</span>
            <span className="muted">{p.categories.length ? p.categories.join(', ') : 'store-wide'} · {p.startsAt.slice(0, 16).replace('T', ' ')} – {p.endsAt.slice(0, 16).replace('T', ' ')}</span>
          </div>
          <div className="table-wrap">
            <table aria-label={`${p.name} by age group`}>
              <thead>
                <tr><th scope="col">Age group</th><th scope="col" className={styles.num}>Views</th><th scope="col" className={styles.num}>Clicks</th><th scope="col" className={styles.num}>Users who clicked</th><th scope="col" className={styles.num}>Affected purchases</th><th scope="col" className={styles.num}>after a click</th><th scope="col" className={styles.num} title="purchases after a click / users who clicked">Conversion</th><th scope="col" className={styles.num}>Revenue</th></tr>
              </thead>
              <tbody>
                {p.byAgeGroup.map((g) => <Row key={g.ageGroup} g={g} label={g.ageGroup === 'unknown' ? 'not a shop user' : g.ageGroup} />)}
                <Row g={p.total} label="All" total />
              </tbody>
            </table>
          </div>
          <details>
            <summary>Edit {p.id}</summary>
            <PromotionForm promotion={p} categories={categories} />
          </details>
        </section>
      ))}
    </>
  );
}

function Kpi({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div className={styles.kpi} data-testid={`kpi-${id}`}>
      <span className={styles.kpiLabel}>{label}</span>
      <span className={styles.kpiValue}>{value}</span>
    </div>
  );
}
