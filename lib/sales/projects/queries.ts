import { db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { toDay } from './dates';
import type { ProjectStatus } from './schemas';
import { toSnapshot, type ProjectSnapshot } from './snapshot';

export interface ProjectRow {
  id: string;
  name: string;
  year: number;
  scaleKrw: string;
  target: string;
  host: string;
  summary: string;
  link: string | null;
  status: ProjectStatus;
  startDate: string | null;
  endDate: string | null;
  expStartDate: string | null;
  consultationCount: number;
}

/** Projects newest year first; `openOnly` leaves out ended ones (what customers may still ask about). */
export async function listProjects(opts: { openOnly?: boolean; status?: ProjectStatus } = {}): Promise<ProjectRow[]> {
  const rows = await db.project.findMany({
    where: opts.status ? { status: opts.status } : opts.openOnly ? { status: { not: 'ended' } } : {},
    orderBy: [{ year: 'desc' }, { name: 'asc' }],
    include: { _count: { select: { consultations: true } } },
  });
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    year: p.year,
    scaleKrw: p.scale.toString(),
    target: p.target,
    host: p.host,
    summary: p.summary,
    link: p.link,
    status: p.status,
    startDate: toDay(p.startDate),
    endDate: toDay(p.endDate),
    expStartDate: toDay(p.expStartDate),
    consultationCount: p._count.consultations,
  }));
}

/** One project for the staff edit page; NOT_FOUND for an unknown or malformed id. */
export async function getProject(projectId: string): Promise<ProjectSnapshot> {
  if (!/^[0-9a-f-]{36}$/i.test(projectId)) throw new AppError('NOT_FOUND', 'No such project.');
  const project = await db.project.findUnique({ where: { id: projectId } });
  if (!project) throw new AppError('NOT_FOUND', 'No such project.');
  return toSnapshot(project);
}

/** The next year's edition of a project, once the AnnualProjectCreate policy (or staff) has made it. */
export async function findNextEdition(name: string, year: number): Promise<{ id: string; status: ProjectStatus } | null> {
  return db.project.findUnique({ where: { name_year: { name, year: year + 1 } }, select: { id: true, status: true } });
}
