import { z } from 'zod';
import { db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { conversionRate } from './delta';
import { cumulativeSeries, type SeriesPoint } from './series';

export interface ProjectStatsRow {
  projectId: string;
  projectName: string;
  interested: number;
  requested: number;
  accepted: number;
  inProgress: number;
  success: number;
  fail: number;
  canceled: number;
  everAccepted: number;
  /** Consultations still on a salesman's plate (requested, accepted, in progress). */
  open: number;
  /** success / everAccepted; null when nothing was accepted yet. */
  conversion: number | null;
}

export interface StatsSnapshot {
  projects: ProjectStatsRow[];
  /** Which project the series is for; null = all projects together. */
  projectId: string | null;
  series: SeriesPoint[];
  generatedAt: string;
}

/** The chart's query: an optional project id, nothing else. */
export const statsQuerySchema = z.object({ projectId: z.uuid().nullish() });

const WINDOW_MINUTES = 60;

/**
 * Everything the staff statistics page shows, read only from the ProjectStats
 * and ProjectStatsBucket read models (never from projects, interests or
 * consultations), so it stays one cheap query however busy the desk is.
 */
export async function getStatsSnapshot(input: unknown, now = new Date()): Promise<StatsSnapshot> {
  const parsed = statsQuerySchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID', 'projectId must be a project id (UUID).');
  const projectId = parsed.data.projectId ?? null;

  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000 - (WINDOW_MINUTES - 1) * 60_000);
  const scope = projectId ? { projectId } : {};
  const [rows, before, inWindow] = await Promise.all([
    db.projectStats.findMany({ orderBy: [{ projectName: 'asc' }, { projectId: 'asc' }] }),
    db.projectStatsBucket.aggregate({ where: { ...scope, bucket: { lt: windowStart } }, _sum: { interests: true, consultations: true } }),
    db.projectStatsBucket.groupBy({
      by: ['bucket'],
      where: { ...scope, bucket: { gte: windowStart } },
      _sum: { interests: true, consultations: true },
      orderBy: { bucket: 'asc' },
    }),
  ]);

  const series = cumulativeSeries(
    inWindow.map((b) => ({ bucket: b.bucket, interests: b._sum.interests ?? 0, consultations: b._sum.consultations ?? 0 })),
    { now, windowMinutes: WINDOW_MINUTES, baseline: { interests: before._sum.interests ?? 0, consultations: before._sum.consultations ?? 0 } },
  );
  return {
    projects: rows.map((r) => ({
      projectId: r.projectId,
      projectName: r.projectName,
      interested: r.interested,
      requested: r.requested,
      accepted: r.accepted,
      inProgress: r.inProgress,
      success: r.success,
      fail: r.fail,
      canceled: r.canceled,
      everAccepted: r.everAccepted,
      open: r.requested + r.accepted + r.inProgress,
      conversion: conversionRate(r),
    })),
    projectId,
    series,
    generatedAt: now.toISOString(),
  };
}
