import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import { listMerchants } from '@/lib/settlement/registry/queries';
import { MerchantForm } from '../_components/merchant-form';

export const dynamic = 'force-dynamic';

/** The merchant registry: who is settled, who is a test merchant. */
export default async function MerchantsPage() {
  await pageViewer('staff');
  const merchants = await listMerchants();
  return (
    <>
      <PageHeader
        title="Merchants"
        description="The registry the settlement worker classifies payments by: a test merchant’s payments are test payments, and a merchant with settlement disabled is not settled (non-settlement). A change applies to the payments the worker reads after it; bases already written keep their classification."
      />
      <section className="panel" aria-labelledby="new-h">
        <h2 id="new-h">New merchant</h2>
        <MerchantForm />
      </section>
      <section className="panel" aria-labelledby="list-h">
        <h2 id="list-h">Registry ({merchants.length})</h2>
        {merchants.length === 0 ? <EmptyState title="No merchants yet" /> : (
          <div className="table-wrap">
            <table aria-label="Merchants" data-testid="merchants">
              <thead><tr><th scope="col">Number</th><th scope="col">Name</th><th scope="col">Settlement</th><th scope="col">Test</th><th scope="col">Edit</th></tr></thead>
              <tbody>
                {merchants.map((m) => (
                  <tr key={m.number} data-testid={`m-${m.number}`}>
                    <th scope="row">{m.number}</th>
                    <td>{m.name}</td>
                    <td>{m.settlementEnabled ? <span className="badge success">enabled</span> : <span className="badge canceled">disabled</span>}</td>
                    <td>{m.test ? <span className="badge planned">test</span> : ''}</td>
                    <td><details><summary>Edit</summary><MerchantForm merchant={m} /></details></td>
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
