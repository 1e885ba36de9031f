import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { config } from './config';

export type { Prisma } from '../generated/prisma/client';
export type Db = PrismaClient;
/** The client handed to callbacks of `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

// One client per process; in `next dev` hot reload would otherwise open a new pool per edit.
const globalForDb = globalThis as unknown as { switchboardDb?: PrismaClient };

export function createDb(url = config().DATABASE_URL, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max }) });
}

export const db: PrismaClient = (globalForDb.switchboardDb ??= createDb());
