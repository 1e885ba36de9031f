import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Badge } from '@/components/badge';
import { PageHeader } from '@/components/ui/page-header';
import { isAppError } from '@/lib/platform/errors';
import { todayInKorea } from '@/lib/sales/projects/dates';
import { findNextEdition, getProject } from '@/lib/sales/projects/queries';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import { confirmDate } from '../dates';
import { LifecycleControls } from '../lifecycle-controls';
import { ProjectForm } from '../project-form';

export const dynamic = 'force-dynamic';

const won = (s: string) => `${new Intl.NumberFormat('ko-KR').format(BigInt(s))}원`;

/** One project: its status and dates, Start / End, and the edit form until it has ended. */
export default async function StaffProjectPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  await pageViewer('staff');
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  const project = await getProject(id).catch((e: unknown) => (isAppError(e) && e.code === 'NOT_FOUND' ? null : Promise.reject(e)));
  if (!project) notFound();
  const next = project.status === 'ended' ? await findNextEdition(project.name, project.year) : null;
  const today = todayInKorea();

  return (
    <>
      <PageHeader
        title={<>{project.name} ({project.year}) <Badge value={project.status} /></>}
        description={project.summary}
        actions={
          <>
            <Link className="button secondary small" href={`/staff/timeline/project/${project.projectId}`}>Timeline</Link>
            <Link className="button secondary small" href="/staff/projects">All projects</Link>
          </>
        }
      />
      {created && <p className="notice ok" role="status">Project created. It is planned: start it when it opens.</p>}
      <div className="grid-2">
        <section className="panel" aria-labelledby="status-h">
          <h2 id="status-h">Status</h2>
          <dl className="details">
            <dt>Status</dt><dd><Badge value={project.status} /></dd>
            <dt>Budget</dt><dd>{won(project.scale)}</dd>
            <dt>Host</dt><dd>{project.host}</dd>
            <dt>Target</dt><dd>{project.target}</dd>
            <dt>Expected start</dt><dd>{project.expStartDate ?? '—'}</dd>
            <dt>Start</dt><dd>{project.startDate ?? '—'}</dd>
            <dt>End</dt><dd>{project.endDate ?? '—'}</dd>
            <dt>Link</dt><dd>{project.link ? <a href={project.link} rel="noreferrer" target="_blank">{project.link}</a> : '—'}</dd>
          </dl>
          <LifecycleControls project={{ id: project.projectId, name: project.name, year: project.year, status: project.status }} defaultDate={confirmDate(project, today)} today={today} />
          {project.status === 'ended' && (
            <p className="notice info" data-testid="next-edition">
              {next ? (
                <>Next year&apos;s edition: <Link href={`/staff/projects/${next.id}`}>{project.name} ({project.year + 1})</Link>, {next.status}.</>
              ) : (
                <>Next year&apos;s edition ({project.year + 1}) is being prepared; reload in a moment.</>
              )}
            </p>
          )}
        </section>
        <section className="panel" aria-labelledby="edit-h">
          <h2 id="edit-h">Details</h2>
          {project.status === 'ended' ? (
            <p className="muted">This project has ended, so its details stay as they were. Edit next year&apos;s edition instead.</p>
          ) : (
            <ProjectForm project={project} />
          )}
        </section>
      </div>
    </>
  );
}
