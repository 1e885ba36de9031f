import { db } from '../db';

export interface ProjectRow {
  id: string;
  name: string;
  year: number;
  scaleKrw: string;
  target: string;
  host: string;
  summary: string;
  status: 'planned' | 'ongoing' | 'ended';
  startDate: string | null;
  endDate: string | null;
  consultationCount: number;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export async function listProjects(opts: { openOnly?: boolean } = {}): Promise<ProjectRow[]> {
  const rows = await db.project.findMany({
    where: opts.openOnly ? { status: { not: 'ended' } } : {},
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
    status: p.status,
    startDate: day(p.startDate),
    endDate: day(p.endDate),
    consultationCount: p._count.consultations,
  }));
}
