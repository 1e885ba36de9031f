import { db } from '../db';

/** People offered by the role switcher. */
export async function listPeople() {
  const [customers, salesmen] = await Promise.all([
    db.customer.findMany({ orderBy: { createdAt: 'asc' }, take: 20, select: { id: true, name: true, company: true, region: true } }),
    db.salesman.findMany({
      orderBy: { createdAt: 'asc' },
      take: 20,
      select: { id: true, name: true, regions: { select: { region: true } } },
    }),
  ]);
  return {
    customers,
    salesmen: salesmen.map((s) => ({ id: s.id, name: s.name, regions: s.regions.map((r) => r.region) })),
  };
}
