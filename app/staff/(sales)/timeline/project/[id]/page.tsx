import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { isAppError } from '@/lib/platform/errors';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import { getTimeline } from '@/lib/sales/timeline/queries';
import { TimelineView } from '../../timeline-view';

export const dynamic = 'force-dynamic';

export default async function ProjectTimelinePage({ params }: { params: Promise<{ id: string }> }) {
  await pageViewer('staff');
  const { id } = await params;
  const timeline = await getTimeline({ subjectId: id }).catch((e) => (isAppError(e) && e.code === 'NOT_FOUND' ? notFound() : Promise.reject(e)));
  const p = (timeline.latest?.payload ?? {}) as { name?: string; year?: number };
  return (
    <>
      <PageHeader
        title="Project timeline"
        description={p.name ? `${p.name} (${p.year})` : `Project ${id.slice(0, 8)}`}
        actions={<Link className="button secondary small" href="/staff/stats">Back to statistics</Link>}
      />
      <section className="panel" aria-labelledby="chain-h">
        <h2 id="chain-h">Events, and what caused what</h2>
        <TimelineView timeline={timeline} noun="project" />
      </section>
    </>
  );
}
