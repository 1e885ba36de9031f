import { AlarmFeed } from '@/components/alarm-feed';
import { ConsultationList } from '@/components/consultation-list';
import { PageHeader } from '@/components/ui/page-header';
import { listAlarms } from '@/lib/sales/alarms/queries';
import { listConsultations } from '@/lib/sales/consultations/queries';
import { pageViewer } from '@/lib/platform/session/current-viewer';

export const dynamic = 'force-dynamic';

export default async function SalesmanPage() {
  const viewer = await pageViewer('salesman');
  const [alarms, consultations] = await Promise.all([listAlarms({ viewer }), listConsultations(viewer)]);
  return (
    <>
      <PageHeader
        title={`${viewer.name}'s desk`}
        description="Consultations matched to you, and alarms: every project change, plus the interests and requests matched to you. Both update live."
      />
      <div className="grid-2">
        <section className="panel" aria-labelledby="consultations-h">
          <h2 id="consultations-h">My consultations</h2>
          <ConsultationList initial={consultations} mode="salesman" />
        </section>
        <section className="panel" aria-labelledby="alarms-h">
          <AlarmFeed initial={alarms} />
        </section>
      </div>
    </>
  );
}
