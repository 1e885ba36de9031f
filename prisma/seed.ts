// Idempotent demo seed: `npm run db:seed` (also run by `npm start`).
import { createDb } from '../lib/db';
import { DEMO_CUSTOMERS, DEMO_PROJECTS, DEMO_SALESMEN } from './demo-data';
import { upsertCustomer, upsertProject, upsertSalesman } from './factories';

const db = createDb(undefined, 2);
try {
  for (const p of DEMO_PROJECTS) await upsertProject(db, p);
  for (const c of DEMO_CUSTOMERS) await upsertCustomer(db, c);
  for (const s of DEMO_SALESMEN) await upsertSalesman(db, s);
  console.log(`seeded ${DEMO_PROJECTS.length} projects, ${DEMO_CUSTOMERS.length} customers, ${DEMO_SALESMEN.length} salesmen (idempotent)`);
} finally {
  await db.$disconnect();
}
