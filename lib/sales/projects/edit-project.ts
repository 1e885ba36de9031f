import { randomUUID } from 'node:crypto';
import { db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { ProjectEdited } from '../../platform/events/catalog';
import { recordEvent } from '../../platform/outbox/record-event';
import type { Viewer } from '../../platform/session/viewer';
import type { ProjectCommandResult } from './create-project';
import { fromDay } from './dates';
import { assertNameFree, assertStaff, lockProject, uniqueNameGuard } from './guard';
import { parseOrThrow } from '../../platform/validation';
import { dateOrderErrors, editProjectSchema } from './schemas';
import { changedFields, toSnapshot, type ProjectSnapshot } from './snapshot';
import { editError } from './transitions';

export interface EditProjectOptions {
  viewer: Viewer | null;
  input: unknown;
  correlationId?: string;
}

/**
 * Staff change a planned or ongoing project's details (never its status: that
 * is Start and End). Writes exactly one ProjectEdited naming the changed
 * fields, or nothing at all when the input matches what is stored.
 */
export async function editProject({ viewer, input, correlationId }: EditProjectOptions): Promise<ProjectCommandResult & { changed: string[] }> {
  assertStaff(viewer, 'edit');
  const { projectId, ...changes } = parseOrThrow(editProjectSchema, input);

  const run = () =>
    db.$transaction(async (tx) => {
      const current = await lockProject(tx, projectId);
      const refusal = editError(`${current.name} (${current.year})`, current.status);
      if (refusal) throw new AppError('CONFLICT', refusal);

      const before = toSnapshot(current);
      const after: ProjectSnapshot = { ...before };
      for (const [key, value] of Object.entries(changes)) {
        if (value !== undefined) Object.assign(after, { [key]: typeof value === 'bigint' ? value.toString() : value });
      }
      const dateErrors =
        dateOrderErrors(after) ??
        (after.status === 'ongoing' && !after.startDate ? { startDate: ['An ongoing project keeps its start date; correct it instead of clearing it'] } : null);
      if (dateErrors) throw new AppError('INVALID', 'Please correct the highlighted fields.', dateErrors);
      const changed = changedFields(before, after);
      if (changed.length === 0) return { project: before, eventId: null, changed };

      if (changed.includes('name') || changed.includes('year')) await assertNameFree(tx, after.name, after.year, current.id);
      const updated = await tx.project.update({
        where: { id: current.id },
        data: {
          name: after.name,
          year: after.year,
          scale: BigInt(after.scale),
          target: after.target,
          host: after.host,
          summary: after.summary,
          link: after.link,
          startDate: fromDay(after.startDate),
          endDate: fromDay(after.endDate),
          expStartDate: fromDay(after.expStartDate),
        },
      });
      const snapshot = toSnapshot(updated);
      const event = await recordEvent(tx, ProjectEdited, { ...snapshot, changed }, { correlationId: correlationId ?? randomUUID() });
      return { project: snapshot, eventId: event.eventId, changed };
    });
  return uniqueNameGuard(run, changes.name, changes.year);
}
