import { PageHeader } from '@/components/ui/page-header';
import { CATEGORIES } from '@/lib/commerce/catalogue/categories';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import { getPromotionAnalysis } from '@/lib/promotions/analysis/queries';
import { PromotionForm } from './_components/promotion-form';
import { PromotionsLive } from './_components/promotions-live';

export const dynamic = 'force-dynamic';

/** Promotions staff run, and how the shop's purchases respond to them by age group (seed 001), live. */
export default async function PromotionsPage() {
  await pageViewer('staff');
  const initial = await getPromotionAnalysis();
  return (
    <>
      <PageHeader
        title="Promotions"
        description="Purchases joined to promotion views and clicks of the same user within 5 minutes before them (event time), by promotion and age group. Updates every second."
      />
      <PromotionsLive initial={initial} categories={CATEGORIES} />
      <section className="panel" aria-labelledby="new-h">
        <h2 id="new-h">New promotion</h2>
        <PromotionForm categories={CATEGORIES} />
      </section>
    </>
  );
}
