'use client';

import { useQuery } from '@tanstack/react-query';
import { MinutesChart, NewUsersChart, PaymentAgeChart } from '@/components/charts/commerce-charts';
import { EmptyState } from '@/components/ui/empty-state';
import { formatCount, formatKrw, formatRate, formatShare } from '@/lib/commerce/dashboard/format';
import type { CommerceLive as Snapshot } from '@/lib/commerce/dashboard/live';
import type { ScenarioOption } from '@/lib/commerce/dashboard/scenario-names';
import { kstDateTime, kstMinute } from '@/lib/platform/time/kst';
import styles from '../commerce.module.css';
import { Countdown } from './countdown';
import { GeneratorControls } from './generator-controls';
import { commerceLiveQuery } from './queries';

const GRADE_ORDER = ['VIP', 'GOLD', 'SILVER', 'BRONZE'] as const;

/** Every panel of the Commerce dashboard, from one poll of /api/commerce/live every second. */
export function CommerceLive({ initial, scenarios }: { initial: Snapshot; scenarios: ScenarioOption[] }) {
  const { data = initial, error } = useQuery({ ...commerceLiveQuery(), initialData: initial });
  const { totals, generator: g } = data;
  const lastMinute = data.minutes[data.minutes.length - 1];
  // The current minute is still filling up: the KPI shows the last complete one.
  const fullMinute = data.minutes[data.minutes.length - 2];
  const mixLines = data.categoryMix.reduce((s, c) => s + c.lines, 0);
  const topShare = data.categoryMix[0]?.share ?? 0;
  const gradeUsers = GRADE_ORDER.reduce((s, k) => s + data.grades[k], 0);
  const pool = [
    { label: 'Shoppers who bought before (oldest last order first)', value: g.pool.purchased },
    { label: 'Shoppers who never bought (newest first)', value: g.pool.neverPurchased },
    { label: 'Popular products (most ordered)', value: g.pool.popular },
    { label: 'New products (never ordered)', value: g.pool.newProducts },
  ];

  return (
    <>
      {error && <p className="notice bad" role="alert">Live updates paused: {error.message}. Retrying every second.</p>}

      <section className={styles.kpis} aria-label="Totals" aria-live="polite">
        <Kpi id="orders" label="Orders" value={formatCount(totals.orders)} />
        <Kpi id="lines" label="Order lines" value={formatCount(totals.orderLines)} />
        <Kpi id="revenue" label="Revenue" value={formatKrw(totals.revenue)} wide />
        <Kpi id="users" label="Shop users" value={formatCount(totals.users)} />
        <Kpi id="products" label="Products" value={formatCount(totals.products)} />
      </section>

      <div className={styles.main}>
        <section className="panel" aria-labelledby="minutes-h">
          <h2 id="minutes-h">Carts and revenue per minute</h2>
          <p className="muted">Last 60 minutes, Korea time, by the minute of order time.</p>
          <MinutesChart points={data.minutes} />
          <p className="muted" data-testid="last-minute">
            {fullMinute ? `${kstMinute(fullMinute.minute)}: ${formatCount(fullMinute.carts)} carts, ${formatCount(fullMinute.lines)} lines, ${formatKrw(fullMinute.revenue)}.` : ''}
            {lastMinute ? ` So far at ${kstMinute(lastMinute.minute)}: ${formatCount(lastMinute.carts)} carts.` : ''}
          </p>
        </section>

        <section className="panel" aria-labelledby="scenario-h" data-testid="scenario-panel">
          <h2 id="scenario-h">Scenario and generator</h2>
          <dl className="details">
            <dt>Scenario</dt>
            <dd data-testid="scenario-name" data-scenario-id={g.scenario.id}>
              <strong>{g.scenario.id} · {g.scenario.name}</strong>{' '}
              <span className={`badge ${g.scenario.mode === 'manual' ? 'ongoing' : ''}`} data-testid="scenario-mode">{g.scenario.mode}</span>
            </dd>
            <dt>Timer</dt>
            <dd><Countdown key={g.scenario.endsAt ?? 'none'} endsAt={g.scenario.endsAt} serverNow={data.generatedAt} /></dd>
            <dt>Generator</dt>
            <dd data-testid="generator-state">
              {!g.reporting ? <span className="badge fail">Not reporting</span> : g.running ? <span className="badge success">Running</span> : <span className="badge requested">Paused</span>}{' '}
              {formatRate(g.rate)}
            </dd>
          </dl>
          <GeneratorControls generator={g} scenarios={scenarios} />
        </section>
      </div>

      <div className="grid-2">
        <section className="panel" aria-labelledby="mix-h">
          <h2 id="mix-h">Orders by category</h2>
          <p className="muted">Order lines of the last 10 minutes ({formatCount(mixLines)} lines), so a scenario switch shows within a minute or two.</p>
          {data.categoryMix.length === 0 ? (
            <EmptyState title="No orders in the last 10 minutes">Lines appear here within seconds of the generator's next cart.</EmptyState>
          ) : (
            <ol className={styles.bars} data-testid="category-mix">
              {data.categoryMix.map((c) => (
                <li key={c.category} data-category={c.category}>
                  <span className={styles.barLabel}>{c.category}</span>
                  <span className={styles.barTrack} aria-hidden="true">
                    <span className={styles.barFill} style={{ width: `${topShare ? (c.share / topShare) * 100 : 0}%` }} />
                  </span>
                  <span className={styles.barValue} title={`${formatCount(c.lines)} lines, ${formatKrw(c.revenue)}`}>{formatShare(c.share)}</span>
                </li>
              ))}
            </ol>
          )}
        </section>

        <section className="panel" aria-labelledby="pay-h">
          <h2 id="pay-h">Payment method by age group</h2>
          <p className="muted">Share of carts per method within each age group, all orders so far.</p>
          <PaymentAgeChart rows={data.paymentAge} />
          <div className="table-wrap">
            <table data-testid="payment-age">
              <thead>
                <tr><th>Age</th><th>Card</th><th>NaverPay</th><th>KakaoPay</th><th>Bank</th><th>Carts</th></tr>
              </thead>
              <tbody>
                {data.paymentAge.map((r) => (
                  <tr key={r.ageGroup}>
                    <td className="nowrap">{r.ageGroup}</td><td>{formatCount(r.Card)}</td><td>{formatCount(r.NaverPay)}</td>
                    <td>{formatCount(r.KakaoPay)}</td><td>{formatCount(r.Bank)}</td><td>{formatCount(r.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>

      <div className="grid-2">
        <section className="panel" aria-labelledby="grades-h">
          <h2 id="grades-h">Grades</h2>
          <ul className={styles.bars} data-testid="grade-counts">
            {GRADE_ORDER.map((k) => (
              <li key={k} data-grade={k}>
                <span className={styles.barLabel}><span className={`${styles.grade} ${styles[k]}`}>{k}</span></span>
                <span className={styles.barTrack} aria-hidden="true">
                  <span className={styles.barFill} style={{ width: `${gradeUsers ? (data.grades[k] / gradeUsers) * 100 : 0}%` }} />
                </span>
                <span className={styles.barValue}>{formatCount(data.grades[k])}</span>
              </li>
            ))}
          </ul>
          <h3 className={styles.subhead}>Recent grade changes</h3>
          {data.gradeChanges.length === 0 ? (
            <EmptyState title="No grade changes yet">The grade update runs every 10 minutes over the last 180 days.</EmptyState>
          ) : (
            <ul className={`feed ${styles.changes}`} data-testid="grade-changes">
              {data.gradeChanges.map((c) => (
                <li key={c.id}>
                  <span className="title">{c.userName ?? c.userId} <span className="muted">{c.userId}</span>: {c.from} → {c.to}</span>
                  <div className="muted">{c.reason}</div>
                  <time dateTime={c.at}>{kstDateTime(c.at)}</time>
                </li>
              ))}
            </ul>
          )}
        </section>

        <div className={styles.stack}>
          <section className="panel" aria-labelledby="users-h">
            <h2 id="users-h">New users</h2>
            <p className="muted">{formatCount(lastMinute?.newUsersTotal ?? 0)} joined in the last 60 minutes (many at first, then fewer: the seed's decaying curve).</p>
            <NewUsersChart points={data.minutes} />
          </section>
          <section className="panel" aria-labelledby="pool-h">
            <h2 id="pool-h">Hot pool</h2>
            <p className="muted">Who and what the generator draws from{g.pool.refreshedAt ? `, refreshed ${kstDateTime(g.pool.refreshedAt)}` : ''}.</p>
            <ul className={styles.pairs} data-testid="hot-pool">
              {pool.map((p) => (
                <li key={p.label}>
                  <span>{p.label}</span>
                  <strong>{formatCount(p.value)}</strong>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>

      <section className="panel" aria-labelledby="top-h">
        <h2 id="top-h">Top products</h2>
        {data.topProducts.length === 0 ? (
          <EmptyState title="No products yet">The catalogue seed adds 20,000 products at the first start.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="stack-narrow" data-testid="top-products">
              <thead>
                <tr><th>Product</th><th>Category</th><th>Price</th><th>Ordered</th></tr>
              </thead>
              <tbody>
                {data.topProducts.map((p) => (
                  <tr key={p.id}>
                    <td>{p.name}<div className="muted">{p.brand ? `${p.brand} · ` : ''}{p.id}</div></td>
                    <td data-label="Category">{p.category}</td>
                    <td data-label="Price">{formatKrw(p.price)}</td>
                    <td data-label="Ordered">{formatCount(p.orderCount)} lines</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function Kpi({ id, label, value, wide }: { id: string; label: string; value: string; wide?: boolean }) {
  return (
    <div className={`${styles.kpi} ${wide ? styles.wide : ''}`}>
      <span className={styles.kpiLabel}>{label}</span>
      <strong className={styles.kpiValue} data-testid={`kpi-${id}`}>{value}</strong>
    </div>
  );
}
