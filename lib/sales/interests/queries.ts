import { db } from '../../platform/db';

/**
 * What the customer's "Projects & interests" page shows. Read only from the
 * projection worker's read models (ProjectView, CustomerProjectView): the page
 * touches no Project or Interest table, so it keeps working, and stays fast,
 * whatever the command side is doing (seed 003: CQRS).
 */
export interface ProjectCard {
  projectId: string;
  name: string;
  year: number;
  host: string;
  status: 'planned' | 'ongoing' | 'ended';
  startDate: string | null;
  endDate: string | null;
  expStartDate: string | null;
  interested: boolean;
  /** The interest arrived before any event of its project: only the name is known yet. */
  detailsPending: boolean;
}

export interface CustomerInterestsView {
  /** Every project not ended, with the customer's toggle. */
  openProjects: ProjectCard[];
  /** The projects the customer follows now, with their progress. */
  myInterests: ProjectCard[];
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export async function customerInterestsView(customerId: string): Promise<CustomerInterestsView> {
  const [projects, mine] = await Promise.all([
    db.projectView.findMany({ where: { status: { not: 'ended' } }, orderBy: [{ year: 'desc' }, { name: 'asc' }], take: 200 }),
    db.customerProjectView.findMany({ where: { customerId }, orderBy: [{ year: 'desc' }, { projectName: 'asc' }] }),
  ]);
  const interested = new Set(mine.filter((m) => m.interested).map((m) => m.projectId));
  return {
    openProjects: projects.map((p) => ({
      projectId: p.projectId,
      name: p.name,
      year: p.year,
      host: p.host,
      status: p.status,
      startDate: day(p.startDate),
      endDate: day(p.endDate),
      expStartDate: day(p.expStartDate),
      interested: interested.has(p.projectId),
      detailsPending: false,
    })),
    myInterests: mine
      .filter((m) => m.interested)
      .map((m) => ({
        projectId: m.projectId,
        name: m.projectName,
        year: m.year,
        host: m.host,
        status: m.status,
        startDate: day(m.startDate),
        endDate: day(m.endDate),
        expStartDate: day(m.expStartDate),
        interested: true,
        detailsPending: m.year === 0,
      })),
  };
}
