import type { Tx } from '../../platform/db';
import { ProjectCreated, type EventOf } from '../../platform/events/catalog';
import type { Handlers } from '../../platform/kafka/run-consumer';
import { recordEvent } from '../../platform/outbox/record-event';
import { addYears, fromDay } from '../projects/dates';
import { toSnapshot, type ProjectSnapshot } from '../projects/snapshot';

/**
 * AnnualProjectCreate (seed 003): when a project ends, next year's edition is
 * prepared as a planned project. Name, budget, target, host, summary and link
 * are copied; the expected start is the ended project's start date one year
 * later. When the ended project never had a start date (only possible for data
 * that did not go through StartProject), its expected start date is used, and
 * failing that the copy has none: staff fill it in. The end date is not used:
 * a programme that ran March to December does not restart in December.
 */
export function nextYearProject(ended: ProjectSnapshot) {
  const base = ended.startDate ?? ended.expStartDate;
  return {
    name: ended.name,
    year: ended.year + 1,
    scale: BigInt(ended.scale),
    target: ended.target,
    host: ended.host,
    summary: ended.summary,
    link: ended.link,
    startDate: null,
    endDate: null,
    expStartDate: fromDay(base ? addYears(base, 1) : null),
    status: 'planned' as const,
  };
}

/**
 * Runs inside the consumer's transaction, which also records the event as
 * processed: a redelivered ProjectEnded is skipped before it gets here. The
 * (name, year) unique index is the second guard, for a replay the dedupe
 * table cannot see (a reset consumer group, a copy staff already made by
 * hand): ON CONFLICT DO NOTHING inserts nothing and no event is written.
 */
export async function createNextYearProject(event: EventOf<'ProjectEnded'>, tx: Tx): Promise<void> {
  const copy = nextYearProject(event.payload);
  const [created] = await tx.project.createManyAndReturn({ data: [copy], skipDuplicates: true });
  if (!created) {
    console.log(`[sales-annual-project-policy] ${copy.name} (${copy.year}) already exists; event ${event.eventId} creates nothing`);
    return;
  }
  await recordEvent(tx, ProjectCreated, toSnapshot(created), {
    correlationId: event.correlationId,
    causationId: event.eventId,
  });
}

export const annualProjectHandlers: Handlers = { ProjectEnded: createNextYearProject };
