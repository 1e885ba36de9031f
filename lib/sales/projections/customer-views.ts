import type { Tx } from '../../platform/db';
import type { EventOf } from '../../platform/events/catalog';
import type { Handlers } from '../../platform/kafka/run-consumer';

/**
 * Read models of the customer's "Projects & interests" page (CQRS, seed 003:
 * 고객은 관심 사업의 진행 상황을 조회). ProjectView keeps each project's last
 * snapshot from project events; CustomerProjectView keeps one row per
 * (customer, project) the customer has ever followed, with the project's
 * fields copied in, so the page reads one table and joins nothing.
 *
 * Runs inside the projection worker's exactly-once transaction: a redelivered
 * event is skipped before it gets here, so an old event can never roll a row back.
 */

type ProjectEvent = EventOf<'ProjectCreated' | 'ProjectEdited' | 'ProjectStarted' | 'ProjectEnded'>;
type InterestEvent = EventOf<'InterestCreated' | 'InterestUpdated'>;

const day = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

async function onProject(event: ProjectEvent, tx: Tx): Promise<void> {
  const p = event.payload;
  const fields = {
    year: p.year,
    host: p.host,
    status: p.status,
    startDate: day(p.startDate),
    endDate: day(p.endDate),
    expStartDate: day(p.expStartDate),
  };
  await tx.projectView.upsert({
    where: { projectId: p.projectId },
    create: { projectId: p.projectId, name: p.name, ...fields },
    update: { name: p.name, ...fields },
  });
  // Fan out to every customer who follows (or followed) the project: their page shows the change.
  await tx.customerProjectView.updateMany({ where: { projectId: p.projectId }, data: { projectName: p.name, ...fields } });
}

/**
 * Project and interest events travel on different topics, so an interest can
 * arrive before its project's first event. Then the row is written with what
 * the interest event knows (the name) and year 0 marks "details pending"; the
 * project's event fills it in through the fan-out above.
 */
async function onInterest(event: InterestEvent, tx: Tx): Promise<void> {
  const p = event.payload;
  const project = await tx.projectView.findUnique({ where: { projectId: p.projectId } });
  const fromProject = project && {
    projectName: project.name,
    year: project.year,
    host: project.host,
    status: project.status,
    startDate: project.startDate,
    endDate: project.endDate,
    expStartDate: project.expStartDate,
  };
  const pending = { projectName: p.projectName, year: 0, host: '', status: 'planned' as const };
  await tx.customerProjectView.upsert({
    where: { customerId_projectId: { customerId: p.customerId, projectId: p.projectId } },
    create: { customerId: p.customerId, projectId: p.projectId, interested: p.interested, ...(fromProject ?? pending) },
    update: { interested: p.interested, ...fromProject },
  });
}

export const customerViewHandlers: Handlers = {
  ProjectCreated: onProject,
  ProjectEdited: onProject,
  ProjectStarted: onProject,
  ProjectEnded: onProject,
  InterestCreated: onInterest,
  InterestUpdated: onInterest,
};
