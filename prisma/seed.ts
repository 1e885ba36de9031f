// Idempotent demo seed: `npm run db:seed` (also run by `npm start`). Runs every
// prisma/seeds/NN-name.ts in name order; each exports `default (db) => summary`
// and must add nothing when run twice.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDb } from '../lib/platform/db';
import type { PrismaClient } from '../lib/generated/prisma/client';

const dir = path.join(import.meta.dirname, 'seeds');
const db = createDb(undefined, 2);
try {
  const done: string[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => /^\d+-.+\.ts$/.test(f)).sort()) {
    const step = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: (db: PrismaClient) => Promise<string> };
    done.push(await step.default(db));
  }
  console.log(`seeded ${done.join('; ')} (idempotent)`);
} finally {
  await db.$disconnect();
}
