import { seedCatalogue } from '../../lib/commerce/catalogue/seed-catalogue';
import type { PrismaClient } from '../../lib/generated/prisma/client';

/** The shop's first 10,000 users and 20,000 products (seed 002); nothing when the tables have rows. */
export default async function seed(db: PrismaClient): Promise<string> {
  const r = await seedCatalogue(db, { log: (l) => console.log(l) });
  if (r.skipped.length === 2) return 'commerce catalogue already there (shop users and products have rows), nothing added';
  const kept = r.skipped.length ? ` (${r.skipped.join(', ')} had rows, left alone)` : '';
  return `commerce catalogue: ${r.users} shop users, ${r.products} products in ${r.ms} ms${kept}`;
}
