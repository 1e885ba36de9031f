import type { z } from 'zod';
import type { ProjectCreated } from '../../platform/events/catalog';
import type { Project } from '../../generated/prisma/client';
import { toDay } from './dates';

/** The payload every project event carries: the project as it stands after the change. */
export type ProjectSnapshot = z.output<typeof ProjectCreated.payload>;

export function toSnapshot(p: Project): ProjectSnapshot {
  return {
    projectId: p.id,
    name: p.name,
    year: p.year,
    scale: p.scale.toString(),
    target: p.target,
    host: p.host,
    summary: p.summary,
    link: p.link,
    startDate: toDay(p.startDate),
    endDate: toDay(p.endDate),
    expStartDate: toDay(p.expStartDate),
    status: p.status,
  };
}

/** Names of the snapshot fields that differ, in a stable order (ProjectEdited.changed). */
export function changedFields(before: ProjectSnapshot, after: ProjectSnapshot): string[] {
  return (Object.keys(after) as (keyof ProjectSnapshot)[]).filter((k) => before[k] !== after[k]);
}
