import { randomUUID } from 'node:crypto';
import { ProjectCreated } from '../../lib/platform/events/catalog';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { createInterest } from '../../lib/sales/interests/create-interest';
import { recordEvent } from '../../lib/platform/outbox/record-event';
import { toSnapshot } from '../../lib/sales/projects/snapshot';
import { DEMO_CUSTOMERS, DEMO_PROJECTS } from '../demo-data';

// Who follows what in the demo: 김민준 (서울) two programmes, 이서연 (부산) one,
// 박지호 (제주, where nobody works) one, to show an interest without a salesman.
const DEMO_INTERESTS: [customer: number, project: number][] = [
  [0, 0],
  [0, 2],
  [1, 1],
  [2, 2],
];

/**
 * The demo projects are inserted as rows (seed 10), without events, so the
 * read models built from events (the customer's views, statistics) would
 * never hear of them. Announce each one that has no event yet with a
 * ProjectCreated carrying its current snapshot, exactly once.
 */
async function announceSeededProjects(db: PrismaClient): Promise<number> {
  let announced = 0;
  for (const p of DEMO_PROJECTS) {
    await db.$transaction(async (tx) => {
      if (await tx.outboxEvent.findFirst({ where: { key: p.id }, select: { id: true } })) return;
      const project = await tx.project.findUnique({ where: { id: p.id } });
      if (!project) return;
      await recordEvent(tx, ProjectCreated, toSnapshot(project), { correlationId: randomUUID() });
      announced++;
    });
  }
  return announced;
}

/** Demo interests, made through CreateInterest so that the matching runs and the events flow to the read models. */
export default async function seed(db: PrismaClient): Promise<string> {
  const announced = await announceSeededProjects(db);
  let created = 0;
  for (const [c, p] of DEMO_INTERESTS) {
    const customer = DEMO_CUSTOMERS[c]!;
    const project = DEMO_PROJECTS[p]!;
    const exists = await db.interest.findUnique({ where: { customerId_projectId: { customerId: customer.id, projectId: project.id } } });
    if (exists) continue;
    await createInterest({ viewer: { role: 'customer', customerId: customer.id, name: customer.name }, input: { projectId: project.id }, client: db });
    created++;
  }
  return `${created} interests (${DEMO_INTERESTS.length} in the demo), ${announced} seeded projects announced`;
}
