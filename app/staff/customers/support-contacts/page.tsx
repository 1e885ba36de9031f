import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listCxContacts } from '@/lib/identity/sources/cx-contacts';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import { kstDateTime } from '@/lib/platform/time/kst';
import { CxContactForm, DeleteCxContactForm } from '../_components/cx-contact-form';
import styles from '../customers.module.css';

export const dynamic = 'force-dynamic';

/** CX, the support desk: the one source system staff edit here; every change reaches the profiles through CDC. */
export default async function SupportContactsPage({ searchParams }: { searchParams: Promise<{ q?: string; deleted?: string }> }) {
  await pageViewer('staff');
  const { q, deleted } = await searchParams;
  const contacts = await listCxContacts({ q: q?.slice(0, 100) });
  return (
    <>
      <PageHeader
        title="Support desk contacts"
        description="Contacts as support agents record them on calls, kept as typed (phones in any format): the linker cleanses them and links them to the sales desk’s and the shop’s customers within seconds."
      />
      {deleted && <p className="notice ok" role="status">Support contact {deleted} deleted.</p>}
      <section className="panel" aria-labelledby="new-h">
        <h2 id="new-h">New contact</h2>
        <CxContactForm />
      </section>
      <section className="panel" aria-labelledby="list-h">
        <h2 id="list-h">Contacts{q ? ` matching “${q}”` : ''} ({contacts.length}{contacts.length === 50 ? ', the newest 50' : ''})</h2>
        <form role="search" className={styles.search} aria-label="Filter support contacts">
          <div className={styles.field}>
            <label htmlFor="f-filter">Filter by name, phone or email</label>
            <input id="f-filter" name="q" type="search" defaultValue={q ?? ''} autoComplete="off" />
          </div>
          <button type="submit" className="secondary">Filter</button>
        </form>
        {contacts.length === 0 ? <EmptyState title={q ? 'No contact matches' : 'No support contacts yet'}>Add one with the form above.</EmptyState> : (
          <div className="table-wrap">
            <table aria-label="Support desk contacts" data-testid="cx-contacts">
              <thead><tr><th scope="col">Id</th><th scope="col">Name</th><th scope="col">Phones</th><th scope="col">Email</th><th scope="col">Address</th><th scope="col">Changed</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
              <tbody>
                {contacts.map((c) => (
                  <tr key={c.contactId} data-contact-id={c.contactId}>
                    <th scope="row" className={styles.mono}>{c.contactId}</th>
                    <td>{c.fullName}</td>
                    <td className={styles.nowrap}>{c.phones.join(', ') || '–'}</td>
                    <td>{c.email ?? '–'}</td>
                    <td>{c.address ?? '–'}</td>
                    <td className={styles.nowrap}>{kstDateTime(c.updatedAt)}</td>
                    <td>
                      <details><summary>Edit</summary><CxContactForm contact={c} /></details>
                      <DeleteCxContactForm contact={c} />
                    </td>
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
