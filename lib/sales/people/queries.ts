import { db } from '../../platform/db';

/** The customer's own details, for prefilling their consultation form. */
export async function customerProfile(customerId: string) {
  return db.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { name: true, phone: true, company: true, region: true },
  });
}
