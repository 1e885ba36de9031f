import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { isAppError } from '@/lib/platform/errors';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import { getTimeline } from '@/lib/sales/timeline/queries';
import { TimelineView } from '../../timeline-view';

export const dynamic = 'force-dynamic';

export default async function ConsultationTimelinePage({ params }: { params: Promise<{ id: string }> }) {
  await pageViewer('staff');
  const { id } = await params;
  const timeline = await getTimeline({ subjectId: id }).catch((e) => (isAppError(e) && e.code === 'NOT_FOUND' ? notFound() : Promise.reject(e)));
  const p = (timeline.latest?.payload ?? {}) as { contactName?: string; projectName?: string; step?: string };
  return (
    <>
      <PageHeader
        title="Consultation timeline"
        description={p.contactName ? `${p.contactName} · ${p.projectName}` : `Consultation ${id.slice(0, 8)}`}
        actions={<Link className="button secondary small" href="/staff">Back to consultations</Link>}
      />
      <section className="panel" aria-labelledby="chain-h">
        <h2 id="chain-h">Events, and what caused what</h2>
        <TimelineView timeline={timeline} noun="consultation" />
      </section>
    </>
  );
}
