import { randomUUID } from 'node:crypto';
import { db } from '../../platform/db';
import { ProjectCreated } from '../../platform/events/catalog';
import { recordEvent } from '../../platform/outbox/record-event';
import type { Viewer } from '../../platform/session/viewer';
import { fromDay } from './dates';
import { assertNameFree, assertStaff, uniqueNameGuard } from './guard';
import { parseOrThrow } from '../../platform/validation';
import { createProjectSchema } from './schemas';
import { toSnapshot, type ProjectSnapshot } from './snapshot';

export interface CreateProjectOptions {
  viewer: Viewer | null;
  input: unknown;
  /** From the caller's request, when it has one; otherwise a new chain starts here. */
  correlationId?: string;
}

export interface ProjectCommandResult {
  project: ProjectSnapshot;
  /** The one event the command wrote, or null when it changed nothing (an edit without changes). */
  eventId: string | null;
}

/** Staff create a project; it starts as planned. The row and its ProjectCreated event commit together. */
export async function createProject({ viewer, input, correlationId }: CreateProjectOptions): Promise<ProjectCommandResult> {
  assertStaff(viewer, 'create');
  const data = parseOrThrow(createProjectSchema, input);

  const run = () =>
    db.$transaction(async (tx) => {
      await assertNameFree(tx, data.name, data.year);
      const project = await tx.project.create({
        data: {
          ...data,
          startDate: fromDay(data.startDate),
          endDate: fromDay(data.endDate),
          expStartDate: fromDay(data.expStartDate),
          status: 'planned',
        },
      });
      const snapshot = toSnapshot(project);
      const event = await recordEvent(tx, ProjectCreated, snapshot, { correlationId: correlationId ?? randomUUID() });
      return { project: snapshot, eventId: event.eventId };
    });
  return uniqueNameGuard(run, data.name, data.year);
}
