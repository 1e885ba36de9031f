// Idempotent demo seed: `npm run db:seed`; `npm start` runs it from a bundle made with the workers'.
// Runs the steps of prisma/seeds/index.ts in order.
import { createDb } from '../lib/platform/db';
import { SEED_STEPS } from './seeds/index';

const db = createDb(undefined, 2);
try {
  const done: string[] = [];
  for (const step of Object.values(SEED_STEPS)) done.push(await step(db));
  console.log(`seeded ${done.join('; ')} (idempotent)`);
} finally {
  await db.$disconnect();
}
