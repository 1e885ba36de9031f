import { PageHeader } from '@/components/ui/page-header';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import { getStatsSnapshot, statsQuerySchema } from '@/lib/sales/stats/queries';
import { StatsLive } from './stats-live';

export const dynamic = 'force-dynamic';

/**
 * Per-project statistics for staff, read only from the ProjectStats and
 * ProjectStatsBucket read models that the projection worker keeps.
 */
export default async function StatsPage({ searchParams }: { searchParams: Promise<{ project?: string }> }) {
  await pageViewer('staff');
  const { project } = await searchParams;
  // A malformed ?project= falls back to all projects rather than failing the page.
  const initial = await getStatsSnapshot(statsQuerySchema.safeParse({ projectId: project }).data ?? {});
  return (
    <>
      <PageHeader
        title="Statistics"
        description="Interested customers, consultations by step and conversion (success ÷ ever accepted) per project, live."
      />
      <StatsLive initial={initial} />
    </>
  );
}
