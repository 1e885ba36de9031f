import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Badge } from '@/components/badge';
import { ConsultationEditForm } from '@/components/consultation-edit-form';
import { PageHeader } from '@/components/ui/page-header';
import { editRefusal } from '@/lib/sales/consultations/edit-rules';
import { getConsultation } from '@/lib/sales/consultations/get-consultation';
import { isAppError } from '@/lib/platform/errors';
import { pageViewer } from '@/lib/platform/session/current-viewer';

export const dynamic = 'force-dynamic';

const time = (iso: string) => new Date(iso).toLocaleString('ko-KR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Seoul' });

/** A customer's own consultation: its state, and the edit form while no salesman has accepted it. */
export default async function ConsultationPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await pageViewer('customer');
  const { id } = await params;
  const c = await getConsultation({ viewer, consultationId: id }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const refusal = editRefusal(c.step);
  return (
    <>
      <p><Link href="/customer">← My consultations</Link></p>
      <PageHeader title={c.projectName} description={<>Requested {time(c.createdAt)} · <Badge value={c.step} /></>} />
      <div className="grid-2">
        <section className="panel" aria-labelledby="status-h">
          <h2 id="status-h">Status</h2>
          <dl className="details">
            <dt>Step</dt><dd><Badge value={c.step} /></dd>
            <dt>Salesman</dt><dd>{c.salesmanName} · {c.salesmanPhone}</dd>
            <dt>Region</dt><dd>{c.region}</dd>
            <dt>Last change</dt><dd>{time(c.updatedAt)}</dd>
          </dl>
        </section>
        <section className="panel" aria-labelledby="edit-h">
          <h2 id="edit-h">{refusal ? 'Your request' : 'Edit your request'}</h2>
          {refusal ? (
            <>
              <p className="notice info" data-testid="edit-closed">{refusal}</p>
              {c.step === 'canceled' && (
                <p><Link className="button" href={`/customer?again=${c.id}#request-h`}>Send this request again</Link></p>
              )}
              <dl className="details">
                <dt>Contact</dt><dd>{c.contactName} · {c.phone}</dd>
                <dt>Company</dt><dd>{c.company}</dd>
                <dt>Message</dt><dd>{c.message}</dd>
              </dl>
            </>
          ) : (
            <ConsultationEditForm consultation={c} />
          )}
        </section>
      </div>
    </>
  );
}
