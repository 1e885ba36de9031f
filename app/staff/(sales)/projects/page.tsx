import Link from 'next/link';
import { Badge } from '@/components/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { todayInKorea } from '@/lib/sales/projects/dates';
import { listProjects } from '@/lib/sales/projects/queries';
import { PROJECT_STATUSES, type ProjectStatus } from '@/lib/sales/projects/schemas';
import { STATUS_LABEL } from '@/lib/sales/projects/transitions';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import { confirmDate } from './dates';
import { LifecycleControls } from './lifecycle-controls';

export const dynamic = 'force-dynamic';

const krw = new Intl.NumberFormat('ko-KR', { style: 'currency', currency: 'KRW', notation: 'compact' });

function period(p: { status: ProjectStatus; startDate: string | null; endDate: string | null; expStartDate: string | null }) {
  if (p.startDate || p.endDate) return `${p.startDate ?? '?'} – ${p.endDate ?? ''}`;
  return p.expStartDate ? `expected ${p.expStartDate}` : 'not scheduled';
}

/** Staff: every project with its status, filterable, with Start / End where they apply. */
export default async function StaffProjectsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  await pageViewer('staff');
  const requested = (await searchParams).status;
  const status = PROJECT_STATUSES.find((s) => s === requested);
  const projects = await listProjects({ status });
  const today = todayInKorea();

  return (
    <>
      <PageHeader
        title="Projects"
        description="Support programmes: create them as planned, start them when they open, end them when they close. Ending one prepares next year's edition."
        actions={<Link className="button" href="/staff/projects/new">New project</Link>}
      />
      <nav aria-label="Filter by status" className="actions">
        {[undefined, ...PROJECT_STATUSES].map((s) => (
          <Link key={s ?? 'all'} className="button secondary small" href={s ? `/staff/projects?status=${s}` : '/staff/projects'} aria-current={s === status ? 'page' : undefined}>
            {s ? STATUS_LABEL[s] : 'All'}
          </Link>
        ))}
      </nav>
      <section className="panel" aria-labelledby="projects-h">
        <h2 id="projects-h">{status ? `${STATUS_LABEL[status]} projects` : 'All projects'} <span className="muted">({projects.length})</span></h2>
        {projects.length === 0 ? (
          <EmptyState title={status ? `No ${status} projects` : 'No projects yet'}>
            <Link href="/staff/projects/new">Create the first one</Link>.
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table data-testid="project-list">
              <thead>
                <tr><th>Project</th><th>Year</th><th>Host</th><th>Budget</th><th>Period</th><th>Status</th><th>Actions</th></tr>
              </thead>
              <tbody>
                {projects.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link href={`/staff/projects/${p.id}`}><strong>{p.name}</strong></Link>
                      <div className="muted">{p.target}</div>
                    </td>
                    <td>{p.year}</td>
                    <td>{p.host}</td>
                    <td>{krw.format(BigInt(p.scaleKrw))}</td>
                    <td>{period(p)}</td>
                    <td><Badge value={p.status} /></td>
                    <td>
                      <LifecycleControls project={{ id: p.id, name: p.name, year: p.year, status: p.status }} defaultDate={confirmDate(p, today)} today={today} />
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
