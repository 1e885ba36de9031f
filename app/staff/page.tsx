import Link from 'next/link';
import { Badge } from '@/components/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { WorkerHealthPanel } from '@/components/worker-health';
import { listConsultations } from '@/lib/sales/consultations/queries';
import { listWorkerHealth } from '@/lib/platform/health/workers';
import { listProjects } from '@/lib/sales/projects/queries';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import { kstDateTime } from '@/lib/platform/time/kst';

export const dynamic = 'force-dynamic';

const krw = new Intl.NumberFormat('ko-KR', { style: 'currency', currency: 'KRW', notation: 'compact' });
const time = (iso: string) => kstDateTime(iso).slice(0, 16);

/** Staff dashboard: every consultation (with its event timeline), the projects, and the workers' health. */
export default async function StaffPage() {
  const viewer = await pageViewer('staff');
  const [projects, consultations, workers] = await Promise.all([listProjects(), listConsultations(viewer, 100), listWorkerHealth()]);
  return (
    <>
      <PageHeader
        title="Consultations"
        description="Every consultation request, its salesman and step; open a timeline to see the events behind it."
        actions={<Link className="button secondary small" href="/staff/stats">Statistics</Link>}
      />
      <section className="panel" aria-labelledby="consultations-h">
        <h2 id="consultations-h">Consultations</h2>
        {consultations.length === 0 ? (
          <EmptyState title="No consultation requests yet">Requests appear here as customers send them.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table data-testid="consultations">
              <thead>
                <tr><th>Project</th><th>Customer</th><th>Region</th><th>Salesman</th><th>Requested</th><th>Step</th><th>Timeline</th></tr>
              </thead>
              <tbody>
                {consultations.map((c) => (
                  <tr key={c.id}>
                    <td>{c.projectName}</td>
                    <td>{c.contactName} · {c.company}</td>
                    <td>{c.region}</td>
                    <td>{c.salesmanName}</td>
                    <td>{time(c.createdAt)}</td>
                    <td><Badge value={c.step} /></td>
                    <td><Link href={`/staff/timeline/consultation/${c.id}`} aria-label={`Events of ${c.contactName}'s request`}>Events</Link></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <WorkerHealthPanel initial={workers} />
      <section className="panel" aria-labelledby="projects-h">
        <h2 id="projects-h">Projects</h2>
        {projects.length === 0 ? (
          <EmptyState title="No projects yet">Create one under Projects.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table data-testid="projects">
              <thead>
                <tr><th>Project</th><th>Year</th><th>Host</th><th>Budget</th><th>Period</th><th>Status</th><th>Timeline</th></tr>
              </thead>
              <tbody>
                {projects.map((p) => (
                  <tr key={p.id}>
                    <td><strong>{p.name}</strong><div className="muted">{p.target}</div></td>
                    <td>{p.year}</td>
                    <td>{p.host}</td>
                    <td>{krw.format(Number(p.scaleKrw))}</td>
                    <td>{p.startDate ? `${p.startDate} – ${p.endDate ?? ''}` : 'not started'}</td>
                    <td><Badge value={p.status} /></td>
                    <td><Link href={`/staff/timeline/project/${p.id}`} aria-label={`Events of ${p.name} ${p.year}`}>Events</Link></td>
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
