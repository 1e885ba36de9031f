/**
 * Customer 360's live figures: source records per source, profiles, the merge rate (how many records fewer the
 * profiles are), profiles held for review, and the change -> profile latency (source commit -> the linker's commit)
 * over the last 15 minutes, p50 and p99.
 */
import type { Sql } from '../store/sql';

export interface IdentityStats {
  records: { source: string; count: number }[];
  totalRecords: number;
  profiles: number;
  /** 1 - profiles / records: the share of records that joined another record's profile */
  mergeRate: number;
  review: number;
  latency: { samples: number; p50: number | null; p99: number | null };
  /** the newest change the linker wrote */
  lastProcessedAt: Date | null;
}

export async function identityStats(sql: Sql): Promise<IdentityStats> {
  const [bySource, profiles, latency] = await Promise.all([
    sql.query<{ source: string; count: number; last: Date | null }>(`SELECT source, count(*)::int AS count, max("processedAt") AS last FROM "IdentityRecord" GROUP BY 1 ORDER BY 1`),
    sql.query<{ profiles: number; review: number }>(`SELECT count(*)::int AS profiles, (count(*) FILTER (WHERE review))::int AS review FROM "IdentityProfile"`),
    sql.query<{ samples: number; p50: number | null; p99: number | null }>(
      `SELECT count(*)::int AS samples, percentile_cont(0.5) WITHIN GROUP (ORDER BY "latencyMs") AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY "latencyMs") AS p99
       FROM "IdentityRecord" WHERE "processedAt" > now() - interval '15 minutes' AND "latencyMs" IS NOT NULL`),
  ]);
  const totalRecords = bySource.rows.reduce((s, r) => s + r.count, 0);
  const p = profiles.rows[0]!;
  const last = bySource.rows.map((r) => r.last).filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
  return {
    records: bySource.rows.map(({ source, count }) => ({ source, count })),
    totalRecords, profiles: p.profiles, review: p.review,
    mergeRate: totalRecords ? 1 - p.profiles / totalRecords : 0,
    latency: latency.rows[0]!,
    lastProcessedAt: last,
  };
}
