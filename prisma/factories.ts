// Per-entity helpers shared by the demo seed and the tests. Each one is an
// upsert keyed by a natural or fixed key, so running it twice adds nothing.
import type { PrismaClient } from '../lib/generated/prisma/client';

export interface ProjectSeed {
  id: string;
  name: string;
  year: number;
  scale: bigint;
  target: string;
  host: string;
  summary: string;
  link?: string;
  status: 'planned' | 'ongoing' | 'ended';
  startDate?: string;
  endDate?: string;
  expStartDate?: string;
}

const date = (s?: string) => (s ? new Date(`${s}T00:00:00Z`) : null);

export function upsertProject(db: PrismaClient, p: ProjectSeed) {
  const data = {
    ...p,
    link: p.link ?? null,
    startDate: date(p.startDate),
    endDate: date(p.endDate),
    expStartDate: date(p.expStartDate),
  };
  return db.project.upsert({ where: { id: p.id }, create: data, update: {} });
}

export interface CustomerSeed {
  id: string;
  name: string;
  phone: string;
  company: string;
  region: string;
}

export function upsertCustomer(db: PrismaClient, c: CustomerSeed) {
  return db.customer.upsert({ where: { id: c.id }, create: c, update: {} });
}

export interface SalesmanSeed {
  id: string;
  name: string;
  phone: string;
  regions: string[];
}

export async function upsertSalesman(db: PrismaClient, s: SalesmanSeed) {
  const { regions, ...rest } = s;
  const salesman = await db.salesman.upsert({ where: { id: s.id }, create: rest, update: {} });
  await db.salesmanRegion.createMany({
    data: regions.map((region) => ({ salesmanId: s.id, region })),
    skipDuplicates: true,
  });
  return salesman;
}
