import { Badge } from '@/components/badge';
import { listConsultations } from '@/lib/consultations/queries';
import { listProjects } from '@/lib/projects/queries';
import { pageViewer } from '@/lib/session/current-viewer';

export const dynamic = 'force-dynamic';

const krw = new Intl.NumberFormat('ko-KR', { style: 'currency', currency: 'KRW', notation: 'compact' });

export default async function StaffPage() {
  const viewer = await pageViewer('staff');
  const [projects, consultations] = await Promise.all([listProjects(), listConsultations(viewer, 100)]);
  return (
    <>
      <h1>Projects and consultations</h1>
      <section className="panel" aria-labelledby="projects-h">
        <h2 id="projects-h">Projects</h2>
        <div className="table-wrap">
          <table data-testid="projects">
            <thead>
              <tr><th>Project</th><th>Year</th><th>Host</th><th>Budget</th><th>Period</th><th>Status</th><th>Consultations</th></tr>
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
                  <td>{p.consultationCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel" aria-labelledby="consultations-h">
        <h2 id="consultations-h">Consultations</h2>
        {consultations.length === 0 ? (
          <p className="empty">No consultation requests yet.</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="consultations">
              <thead>
                <tr><th>Project</th><th>Customer</th><th>Region</th><th>Salesman</th><th>Requested</th><th>Step</th></tr>
              </thead>
              <tbody>
                {consultations.map((c) => (
                  <tr key={c.id}>
                    <td>{c.projectName}</td>
                    <td>{c.contactName} · {c.company}</td>
                    <td>{c.region}</td>
                    <td>{c.salesmanName}</td>
                    <td>{new Date(c.createdAt).toLocaleString('ko-KR')}</td>
                    <td><Badge value={c.step} /></td>
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
