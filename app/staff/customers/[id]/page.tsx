import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { identityPool } from '@/lib/identity/desk/pool';
import { getProfilePage, type ProfilePage } from '@/lib/identity/desk/profile';
import { isAppError } from '@/lib/platform/errors';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import { kstDateTime } from '@/lib/platform/time/kst';
import { SOURCE_LABEL } from '../_components/format';
import { EraseForm, MergeForm, SplitForm } from '../_components/profile-forms';
import { ContactPoints, Decisions, GoldenFields, History, Pair, SourceRecords } from '../_components/profile-sections';
import styles from '../customers.module.css';

export const dynamic = 'force-dynamic';

async function load(id: string): Promise<ProfilePage> {
  try {
    return await getProfilePage(identityPool(), id);
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}

/** One customer as staff read it: golden fields and where they came from, the records and why they are linked, history, actions. */
export default async function CustomerProfilePage({ params }: { params: Promise<{ id: string }> }) {
  await pageViewer('staff');
  const { id } = await params;
  const p = await load(decodeURIComponent(id));
  const name = p.golden.name?.value ?? '(no name)';
  const sources = [...new Set(p.records.map((r) => r.source))];
  return (
    <>
      <PageHeader
        title={name}
        description={<>Profile <span className={styles.mono} data-testid="profile-id">{p.id}</span> · {p.records.length} record(s) from {sources.map((s) => SOURCE_LABEL[s] ?? s).join(', ')} · version {p.version}, changed {kstDateTime(p.updatedAt)}{p.review && <> · <span className="badge planned">held for review</span></>}</>}
        actions={<Link className="button secondary" href="/staff/customers">Search</Link>}
      />
      {p.redirectedFrom && (
        <p className="notice ok" role="note" data-testid="redirected">Profile {p.redirectedFrom} was merged into this one: its id now leads here.</p>
      )}
      <section className="panel" aria-labelledby="golden-h">
        <h2 id="golden-h">Golden fields</h2>
        <GoldenFields golden={p.golden} />
      </section>
      <section className="panel" aria-labelledby="contacts-h">
        <h2 id="contacts-h">Phones and emails</h2>
        <ContactPoints contactPoints={p.contactPoints} />
      </section>
      <section className="panel" aria-labelledby="records-h">
        <h2 id="records-h">Source records ({p.records.length})</h2>
        <SourceRecords records={p.records} />
      </section>
      <section className="panel" aria-labelledby="why-h">
        <h2 id="why-h">Why these records are linked</h2>
        {p.links.length === 0 ? <p className="muted">A single record: nothing to link.</p> : (
          <ul className={styles.pairs} aria-label="Linked pairs">{p.links.map((l) => <Pair key={`${l.a}~${l.b}`} p={l} />)}</ul>
        )}
        <h3>Refused at the edge</h3>
        {p.refused.length === 0 ? <p className="muted">No link to another profile was refused.</p> : (
          <ul className={styles.pairs} aria-label="Refused pairs">{p.refused.map((l) => <Pair key={`${l.a}~${l.b}`} p={l} />)}</ul>
        )}
      </section>
      <div className="grid-2">
        <section className="panel" aria-labelledby="history-h">
          <h2 id="history-h">History</h2>
          <History history={p.history} current={p.id} />
        </section>
        <section className="panel" aria-labelledby="decisions-h">
          <h2 id="decisions-h">Staff decisions in force</h2>
          <Decisions manual={p.manual} />
        </section>
      </div>
      <section className="panel" aria-labelledby="split-h">
        <h2 id="split-h">Split: not the same person</h2>
        <SplitForm profileId={p.id} records={p.records.map((r) => ({ key: r.key, label: `${SOURCE_LABEL[r.source] ?? r.source}: ${r.l1.name?.display ?? ''}` }))} />
      </section>
      <section className="panel" aria-labelledby="merge-h">
        <h2 id="merge-h">Merge with another profile</h2>
        <MergeForm profileId={p.id} />
      </section>
      <section className="panel" aria-labelledby="erase-h">
        <h2 id="erase-h">Erase this person</h2>
        <EraseForm profileId={p.id} />
      </section>
    </>
  );
}
