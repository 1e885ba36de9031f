import Link from 'next/link';
import { Suspense } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { FieldError } from '@/components/ui/form';
import { PageHeader } from '@/components/ui/page-header';
import { formatCount } from '@/lib/commerce/dashboard/format';
import { identityPool } from '@/lib/identity/desk/pool';
import { searchInput } from '@/lib/identity/desk/schemas';
import { searchCustomers } from '@/lib/identity/desk/search';
import { identityStats } from '@/lib/identity/desk/stats';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import { kstDateTime } from '@/lib/platform/time/kst';
import { fieldErrorsOf } from '@/lib/platform/validation';
import { AutoRefresh } from '../settlement/_components/auto-refresh';
import { cdcConnector } from './_components/cdc';
import { formatBytes, formatMs, formatPercent, SOURCE_LABEL } from './_components/format';
import styles from './customers.module.css';

export const dynamic = 'force-dynamic';

const Skeleton = () => <section className="panel" aria-busy="true"><div className="skeleton" /><div className="skeleton" /></section>;

/** Find a customer across the three sources, and watch the linker keep up with them. */
export default async function CustomersPage({ searchParams }: { searchParams: Promise<{ q?: string; erased?: string }> }) {
  await pageViewer('staff');
  const { q, erased } = await searchParams;
  return (
    <>
      <PageHeader
        title="Customers"
        description={<>One profile per person across the sales desk (DI), the shop (OM) and the support desk (CX), linked by rules as the sources change. <AutoRefresh /></>}
      />
      {erased && <p className="notice ok" role="status">Profile {erased} was erased: its records left every identity table and the sources were told to delete them.</p>}
      <section className="panel" aria-labelledby="search-h">
        <h2 id="search-h">Search</h2>
        <Search q={q} />
      </section>
      <Suspense fallback={<Skeleton />}><Stats /></Suspense>
      <Suspense fallback={<Skeleton />}><Connector /></Suspense>
    </>
  );
}

const KIND_HELP = { phone: 'a phone number, in any format (compared in E.164)', email: 'an email (trimmed, lower case)', name: 'a name (spacing ignored; the initial consonants find typos, ranked by similarity)' };

async function Search({ q }: { q?: string }) {
  const asked = q !== undefined;
  const parsed = asked ? searchInput.safeParse({ q }) : null;
  const errors = parsed && !parsed.success ? fieldErrorsOf(parsed.error) : {};
  const found = parsed?.success ? await searchCustomers(identityPool(), parsed.data.q) : null;
  return (
    <>
      <form role="search" action="/staff/customers" className={styles.search} noValidate aria-label="Search customers">
        <div className={styles.field}>
          <label htmlFor="f-q">Name, phone or email</label>
          <input id="f-q" name="q" type="search" defaultValue={q ?? ''} placeholder="김민준, 010-2345-6789, minjun@hanbit.example" autoComplete="off"
            aria-invalid={errors.q ? true : undefined} aria-describedby={errors.q ? 'e-q' : 'q-hint'} />
          <FieldError name="q" errors={errors.q} />
        </div>
        <button type="submit">Search</button>
      </form>
      <p className="hint" id="q-hint">A phone in any format (+82 10…, 010-…, 01012345678), an email, or a name: spacing and a typo are forgiven.</p>
      {found && (
        <div aria-live="polite">
          <p data-testid="search-kind">Searched by {found.kind}: {KIND_HELP[found.kind]}. {found.hits.length === 0 ? 'No customer found.' : `${found.hits.length} profile(s).`}</p>
          {found.hits.length > 0 && (
            <div className="table-wrap">
              <table aria-label={`Customers found for ${q}`} data-testid="search-results">
                <thead><tr><th scope="col">Name</th><th scope="col">Birth date</th><th scope="col">Phones</th><th scope="col">Emails</th><th scope="col" className={styles.num}>Records</th><th scope="col">Matched by</th><th scope="col">Profile id</th></tr></thead>
                <tbody>
                  {found.hits.map((h) => (
                    <tr key={h.profileId} data-profile-id={h.profileId}>
                      <th scope="row"><Link href={`/staff/customers/${h.profileId}`}>{h.name ?? '(no name)'}</Link></th>
                      <td className={styles.nowrap}>{h.birthDate ?? '–'}</td>
                      <td className={styles.nowrap}>{h.phones.join(', ') || '–'}</td>
                      <td>{h.emails.join(', ') || '–'}</td>
                      <td className={styles.num}>{h.records}</td>
                      <td>{h.matchedBy}</td>
                      <td className={styles.mono}>{h.profileId}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </>
  );
}

async function Stats() {
  const s = await identityStats(identityPool());
  return (
    <section className="panel" aria-labelledby="stats-h" data-testid="identity-stats">
      <h2 id="stats-h">Live figures</h2>
      <div className={styles.kpis}>
        {s.records.map((r) => (
          <div key={r.source} className={styles.kpi} data-testid={`records-${r.source}`}>
            <span className={styles.kpiLabel}>{SOURCE_LABEL[r.source] ?? r.source} records</span>
            <span className={styles.kpiValue}>{formatCount(r.count)}</span>
          </div>
        ))}
        <div className={styles.kpi}><span className={styles.kpiLabel}>Profiles</span><span className={styles.kpiValue} data-testid="profiles">{formatCount(s.profiles)}</span></div>
        <div className={styles.kpi} title="1 − profiles / records: the share of records that joined another record’s profile"><span className={styles.kpiLabel}>Merge rate</span><span className={styles.kpiValue}>{formatPercent(s.mergeRate)}</span></div>
        <div className={styles.kpi} title="Profiles whose growth a size limit stopped"><span className={styles.kpiLabel}>Held for review</span><span className={styles.kpiValue}>{formatCount(s.review)}</span></div>
        <div className={styles.kpi} title={`${s.latency.samples} changes in the last 15 minutes`}>
          <span className={styles.kpiLabel}>Change → profile, 15 min</span>
          <span className={styles.kpiValue}>p50 {formatMs(s.latency.p50)} · p99 {formatMs(s.latency.p99)}</span>
        </div>
      </div>
      <p className="muted">
        {s.totalRecords === 0 ? 'The linker has not written any record yet.' : `${formatCount(s.totalRecords)} records; ${s.latency.samples} changes in the last 15 minutes.`}
        {s.lastProcessedAt && ` Last change linked ${kstDateTime(s.lastProcessedAt)} (Korea time).`}
      </p>
    </section>
  );
}

async function Connector() {
  const c = await cdcConnector();
  return (
    <section className="panel" aria-labelledby="connector-h" data-testid="connector">
      <h2 id="connector-h">Connector</h2>
      {!c ? (
        <EmptyState title="No Kafka Connect configured">Set CONNECT_URL (npm start does) to see the CDC connector that streams the sources’ changes.</EmptyState>
      ) : (
        <>
          <p>
            <code>{c.name}</code>:{' '}
            <strong className={c.state === 'RUNNING' ? styles.ok : styles.bad} data-testid="connector-state">{c.state}</strong>
            {c.tasks.length > 0 && <> · tasks {c.tasks.map((t) => `${t.id} ${t.state}`).join(', ')}</>}
          </p>
          {c.error && <p className="notice bad">{c.error}</p>}
          {c.tasks.filter((t) => t.error).map((t) => <p key={t.id} className="notice bad">Task {t.id}: {t.error}</p>)}
          {c.slot ? (
            <p>
              Replication slot <code>{c.slot.name}</code> {c.slot.active ? 'streaming' : 'not streaming (no connected task)'}; lag <strong data-testid="slot-lag">{formatBytes(c.slot.lagBytes)}</strong>
              {c.slot.walStatus && ` · WAL ${c.slot.walStatus}`}
              <span className="muted"> (WAL written since the connector last confirmed a position)</span>
            </p>
          ) : (
            <p className="muted">{c.slotError ?? 'No replication slot yet: the connector creates it on its first start.'}</p>
          )}
        </>
      )}
    </section>
  );
}
