import type { Tx } from '../db';

export interface MatchedSalesman {
  id: string;
  name: string;
}

/**
 * Picks, inside the caller's transaction, the active salesman who covers the
 * region and has the fewest open consultations (ties: lowest id, so the result
 * is deterministic), and counts the new consultation against them in the same
 * statement. The row lock makes concurrent requests queue on that salesman
 * instead of double-counting; a request that waited keeps its pick, so under
 * heavy concurrency a salesman may briefly hold one more than the minimum.
 * Returns null when nobody covers the region.
 */
export async function matchSalesman(tx: Tx, region: string): Promise<MatchedSalesman | null> {
  const rows = await tx.$queryRaw<MatchedSalesman[]>`
    UPDATE "Salesman" AS s SET "openConsultations" = s."openConsultations" + 1
    WHERE s.id = (
      SELECT c.id FROM "Salesman" c
      JOIN "SalesmanRegion" r ON r."salesmanId" = c.id
      WHERE r.region = ${region} AND c.active
      ORDER BY c."openConsultations" ASC, c.id ASC
      LIMIT 1
      FOR UPDATE OF c
    )
    RETURNING s.id, s.name`;
  return rows[0] ?? null;
}
