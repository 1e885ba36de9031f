import type { PrismaClient } from '../../lib/generated/prisma/client';
import { DEMO_CUSTOMERS, DEMO_PROJECTS, DEMO_SALESMEN } from '../demo-data';
import { upsertCustomer, upsertProject, upsertSalesman } from '../factories';

/** Projects, customers and salesmen of the sales desk. */
export default async function seed(db: PrismaClient): Promise<string> {
  for (const p of DEMO_PROJECTS) await upsertProject(db, p);
  for (const c of DEMO_CUSTOMERS) await upsertCustomer(db, c);
  for (const s of DEMO_SALESMEN) await upsertSalesman(db, s);
  return `${DEMO_PROJECTS.length} projects, ${DEMO_CUSTOMERS.length} customers, ${DEMO_SALESMEN.length} salesmen`;
}
