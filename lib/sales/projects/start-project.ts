import { randomUUID } from 'node:crypto';
import { db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { ProjectStarted } from '../../platform/events/catalog';
import { recordEvent } from '../../platform/outbox/record-event';
import type { Viewer } from '../../platform/session/viewer';
import type { ProjectCommandResult } from './create-project';
import { fromDay, toDay, todayInKorea } from './dates';
import { assertStaff, lockProject } from './guard';
import { parseOrThrow } from '../../platform/validation';
import { startProjectSchema } from './schemas';
import { toSnapshot } from './snapshot';
import { transitionError } from './transitions';

export interface StartProjectOptions {
  viewer: Viewer | null;
  /** { projectId, startDate? }: the actual start date, today in Korea when left out. */
  input: unknown;
  correlationId?: string;
}

/**
 * planned -> ongoing. Records the actual start date and writes exactly one
 * ProjectStarted (no ProjectEdited for the date: the start is the change).
 * Interested customers are notified from that event, by another worker.
 */
export async function startProject({ viewer, input, correlationId }: StartProjectOptions): Promise<ProjectCommandResult> {
  assertStaff(viewer, 'start');
  const { projectId, startDate: given } = parseOrThrow(startProjectSchema, input);

  return db.$transaction(async (tx) => {
    const current = await lockProject(tx, projectId);
    const refusal = transitionError(`${current.name} (${current.year})`, current.status, 'ongoing');
    if (refusal) throw new AppError('CONFLICT', refusal);

    const today = todayInKorea();
    const startDate = given ?? today;
    if (startDate > today) {
      throw new AppError('INVALID', `The start date cannot be in the future (today is ${today}).`, {
        startDate: [`Enter today (${today}) or an earlier date`],
      });
    }
    const plannedEnd = toDay(current.endDate);
    if (plannedEnd && plannedEnd < startDate) {
      throw new AppError('INVALID', `The start date cannot be after the end date (${plannedEnd}).`, {
        startDate: [`The start date cannot be after the end date (${plannedEnd}); edit the end date first`],
      });
    }
    const updated = await tx.project.update({ where: { id: current.id }, data: { status: 'ongoing', startDate: fromDay(startDate) } });
    const snapshot = toSnapshot(updated);
    const event = await recordEvent(tx, ProjectStarted, snapshot, { correlationId: correlationId ?? randomUUID() });
    return { project: snapshot, eventId: event.eventId };
  });
}
