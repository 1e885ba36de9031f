import type { EventOf } from '../../platform/events/catalog';

type InterestRef = EventOf<'InterestCreated'>['payload'];

/** An interest row with what its events say about the customer and the project. */
export interface InterestWithParties {
  id: string;
  customerId: string;
  projectId: string;
  salesmanId: string | null;
  interested: boolean;
  customer: { name: string; phone: string };
  project: { name: string };
}

/** The payload both interest events share; the phone is there because notifications address customers by phone. */
export function interestRef(i: InterestWithParties): InterestRef {
  return {
    interestId: i.id,
    customerId: i.customerId,
    customerName: i.customer.name,
    phone: i.customer.phone,
    projectId: i.projectId,
    projectName: i.project.name,
    salesmanId: i.salesmanId,
    interested: i.interested,
  };
}

/** Prisma's unique-constraint violation (two requests creating the same interest at once). */
export const isUniqueViolation = (e: unknown) => (e as { code?: unknown } | null)?.code === 'P2002';
