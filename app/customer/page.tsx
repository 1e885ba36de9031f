import { ConsultationForm } from '@/components/consultation-form';
import { ConsultationList } from '@/components/consultation-list';
import { PageHeader } from '@/components/ui/page-header';
import { getConsultation } from '@/lib/sales/consultations/get-consultation';
import { listConsultations } from '@/lib/sales/consultations/queries';
import { customerProfile } from '@/lib/sales/people/queries';
import { listProjects } from '@/lib/sales/projects/queries';
import { pageViewer } from '@/lib/platform/session/current-viewer';

export const dynamic = 'force-dynamic';

export default async function CustomerPage({ searchParams }: { searchParams: Promise<{ again?: string }> }) {
  const viewer = await pageViewer('customer');
  const { again } = await searchParams;
  const [projects, consultations, me, previous] = await Promise.all([
    listProjects({ openOnly: true }),
    listConsultations(viewer),
    customerProfile(viewer.customerId),
    // "Send again" from a declined request: prefill from it (only one of the viewer's own; anything else is ignored).
    again ? getConsultation({ viewer, consultationId: again }).catch(() => null) : null,
  ]);
  return (
    <>
      <PageHeader
        title={`Hello, ${viewer.name}`}
        description={`${me.company} · ${me.region}. Ask for a consultation on a support programme and follow it here.`}
      />
      <div className="grid-2">
        <section className="panel" aria-labelledby="request-h">
          <h2 id="request-h">Request a consultation</h2>
          <p className="muted">A salesman who covers your region is assigned at once.</p>
          <ConsultationForm
            projects={projects.map((p) => ({ id: p.id, name: p.name, year: p.year }))}
            defaults={previous ?? { contactName: me.name, phone: me.phone, company: me.company, region: me.region }}
          />
        </section>
        <section className="panel" aria-labelledby="mine-h">
          <h2 id="mine-h">My consultations</h2>
          <p className="muted">You can edit a request until your salesman accepts it.</p>
          <ConsultationList initial={consultations} mode="customer" />
        </section>
      </div>
    </>
  );
}
