import { db } from '../../platform/db';
import type { Viewer } from '../../platform/session/viewer';

export interface ConsultationRow {
  id: string;
  projectName: string;
  customerName: string;
  salesmanName: string;
  contactName: string;
  phone: string;
  company: string;
  region: string;
  message: string;
  step: 'requested' | 'accepted' | 'canceled' | 'in_progress' | 'success' | 'fail';
  createdAt: string;
  updatedAt: string;
}

/**
 * Consultations the viewer may see, newest first: a customer their own, a
 * salesman those matched to them, staff all. The scope is part of the query,
 * so a missing check cannot leak rows.
 */
export async function listConsultations(viewer: Viewer, limit = 50): Promise<ConsultationRow[]> {
  const where =
    viewer.role === 'customer'
      ? { customerId: viewer.customerId }
      : viewer.role === 'salesman'
        ? { salesmanId: viewer.salesmanId }
        : {};
  const rows = await db.consultation.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    include: {
      project: { select: { name: true } },
      customer: { select: { name: true } },
      salesman: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    projectName: r.project.name,
    customerName: r.customer.name,
    salesmanName: r.salesman.name,
    contactName: r.contactName,
    phone: r.phone,
    company: r.company,
    region: r.region,
    message: r.message,
    step: r.step,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}
