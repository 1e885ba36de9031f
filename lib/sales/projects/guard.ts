import type { Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { Project } from '../../generated/prisma/client';
import type { Viewer } from '../../platform/session/viewer';

/** Project commands are staff work; checked here too, so no caller can forget it. */
export function assertStaff(viewer: Viewer | null | undefined, what: string): void {
  if (viewer?.role !== 'staff') throw new AppError('FORBIDDEN', `Only staff can ${what} a project.`);
}

/**
 * Reads the project and locks its row until the transaction ends, so two
 * clicks on Start (or Start racing an Edit) are serialised: the second one sees
 * the first one's result and is refused, and exactly one event is written.
 */
export async function lockProject(tx: Tx, projectId: string): Promise<Project> {
  await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ${projectId}::uuid FOR UPDATE`;
  const project = await tx.project.findUnique({ where: { id: projectId } });
  if (!project) throw new AppError('NOT_FOUND', 'No such project.');
  return project;
}

const duplicate = (name?: string, year?: number) =>
  name && year
    ? new AppError('CONFLICT', `${name} (${year}) already exists.`, {
        name: [`A project named ${name} already exists for ${year}`],
        year: ['Choose another year or name'],
      })
    : new AppError('CONFLICT', 'Another project already has this name and year.');

/** Refuses a (name, year) pair that another project has; the unique index is the last word on races. */
export async function assertNameFree(tx: Tx, name: string, year: number, exceptId?: string): Promise<void> {
  const other = await tx.project.findUnique({ where: { name_year: { name, year } }, select: { id: true } });
  if (other && other.id !== exceptId) throw duplicate(name, year);
}

/** Turns a unique-index violation that slipped past assertNameFree (a concurrent create) into the same refusal. */
export async function uniqueNameGuard<T>(work: () => Promise<T>, name?: string, year?: number): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if ((e as { code?: string }).code === 'P2002') throw duplicate(name, year);
    throw e;
  }
}
