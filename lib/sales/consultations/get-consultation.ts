import { db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { Viewer } from '../../platform/session/viewer';
import type { ConsultationRow } from './queries';

export interface ConsultationDetail extends ConsultationRow {
  projectId: string;
  salesmanPhone: string;
  version: number;
}

/**
 * One consultation, if the viewer may see it: its customer, its matched
 * salesman, or staff. The scope is in the WHERE; anyone else gets NOT_FOUND,
 * the same answer as for an id that does not exist.
 */
export async function getConsultation({ viewer, consultationId }: { viewer: Viewer; consultationId: string }): Promise<ConsultationDetail> {
  if (!/^[0-9a-f-]{36}$/i.test(consultationId)) throw new AppError('NOT_FOUND', 'No such consultation among yours.');
  const scope =
    viewer.role === 'customer' ? { customerId: viewer.customerId } : viewer.role === 'salesman' ? { salesmanId: viewer.salesmanId } : {};
  const r = await db.consultation.findFirst({
    where: { id: consultationId, ...scope },
    include: {
      project: { select: { name: true } },
      customer: { select: { name: true } },
      salesman: { select: { name: true, phone: true } },
    },
  });
  if (!r) throw new AppError('NOT_FOUND', 'No such consultation among yours.');
  return {
    id: r.id,
    projectId: r.projectId,
    projectName: r.project.name,
    customerName: r.customer.name,
    salesmanName: r.salesman.name,
    salesmanPhone: r.salesman.phone,
    contactName: r.contactName,
    phone: r.phone,
    company: r.company,
    region: r.region,
    message: r.message,
    step: r.step,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
