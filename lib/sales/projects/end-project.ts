import { randomUUID } from 'node:crypto';
import { db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { ProjectEnded } from '../../platform/events/catalog';
import { recordEvent } from '../../platform/outbox/record-event';
import type { Viewer } from '../../platform/session/viewer';
import type { ProjectCommandResult } from './create-project';
import { fromDay, toDay, todayInKorea } from './dates';
import { assertStaff, lockProject } from './guard';
import { parseOrThrow } from '../../platform/validation';
import { endProjectSchema } from './schemas';
import { toSnapshot } from './snapshot';
import { transitionError } from './transitions';

export interface EndProjectOptions {
  viewer: Viewer | null;
  /** { projectId, endDate? }: the actual end date, today in Korea when left out. */
  input: unknown;
  correlationId?: string;
}

/**
 * ongoing -> ended. Records the actual end date and writes exactly one
 * ProjectEnded; the AnnualProjectCreate policy reacts to it with next year's
 * planned copy.
 */
export async function endProject({ viewer, input, correlationId }: EndProjectOptions): Promise<ProjectCommandResult> {
  assertStaff(viewer, 'end');
  const { projectId, endDate: given } = parseOrThrow(endProjectSchema, input);

  return db.$transaction(async (tx) => {
    const current = await lockProject(tx, projectId);
    const refusal = transitionError(`${current.name} (${current.year})`, current.status, 'ended');
    if (refusal) throw new AppError('CONFLICT', refusal);

    const today = todayInKorea();
    const endDate = given ?? today;
    if (endDate > today) {
      throw new AppError('INVALID', `The end date cannot be in the future (today is ${today}).`, {
        endDate: [`Enter today (${today}) or an earlier date`],
      });
    }
    const started = toDay(current.startDate);
    if (started && endDate < started) {
      throw new AppError('INVALID', `The end date cannot be before the start date (${started}).`, {
        endDate: [`The end date cannot be before the start date (${started})`],
      });
    }
    const updated = await tx.project.update({ where: { id: current.id }, data: { status: 'ended', endDate: fromDay(endDate) } });
    const snapshot = toSnapshot(updated);
    const event = await recordEvent(tx, ProjectEnded, snapshot, { correlationId: correlationId ?? randomUUID() });
    return { project: snapshot, eventId: event.eventId };
  });
}
