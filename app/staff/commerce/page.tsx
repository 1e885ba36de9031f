import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { getCommerceLive } from '@/lib/commerce/dashboard/live';
import { SCENARIO_OPTIONS } from '@/lib/commerce/dashboard/scenario-names';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import { CommerceLive } from './_components/commerce-live';

export const dynamic = 'force-dynamic';

/**
 * The shop generator's live dashboard for staff, read only from the commerce
 * read models and the generator's status row, never from orders themselves.
 */
export default async function CommercePage() {
  await pageViewer('staff');
  const initial = await getCommerceLive();
  return (
    <>
      <PageHeader
        title="Commerce"
        description="The generated shop, live: carts and revenue, the scenario driving it, what sells, who pays how, and grades. Korea time."
        actions={<Link className="button secondary" href="/staff/commerce/history">History by day, week, month</Link>}
      />
      <CommerceLive initial={initial} scenarios={SCENARIO_OPTIONS} />
    </>
  );
}
