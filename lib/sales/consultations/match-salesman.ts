import type { Tx } from '../../platform/db';
import { Prisma } from '../../generated/prisma/client';

export interface MatchedSalesman {
  id: string;
  name: string;
}

/**
 * The matching rule, shared by consultations and interests: the active
 * salesman who covers the region and has the fewest open consultations, ties
 * to the lowest id (so the result is deterministic).
 */
export const bestCandidate = (region: string) => Prisma.sql`
  SELECT c.id FROM "Salesman" c
  JOIN "SalesmanRegion" r ON r."salesmanId" = c.id
  WHERE r.region = ${region} AND c.active
  ORDER BY c."openConsultations" ASC, c.id ASC
  LIMIT 1`;

/**
 * Picks, inside the caller's transaction, the salesman the rule names and
 * counts the new consultation against them in the same statement. The row
 * lock makes concurrent requests queue on that salesman instead of
 * double-counting; a request that waited keeps its pick, so under heavy
 * concurrency a salesman may briefly hold one more than the minimum.
 * Returns null when nobody covers the region.
 */
export async function matchSalesman(tx: Tx, region: string): Promise<MatchedSalesman | null> {
  const rows = await tx.$queryRaw<MatchedSalesman[]>`
    UPDATE "Salesman" AS s SET "openConsultations" = s."openConsultations" + 1
    WHERE s.id = (${bestCandidate(region)} FOR UPDATE OF c)
    RETURNING s.id, s.name`;
  return rows[0] ?? null;
}

/**
 * The same rule without counting anything: for an interest, which is not a
 * consultation and so does not add to the salesman's load. No lock either, as
 * nothing is written to the salesman.
 */
export async function findMatchingSalesman(tx: Tx, region: string): Promise<MatchedSalesman | null> {
  const rows = await tx.$queryRaw<MatchedSalesman[]>`
    SELECT s.id, s.name FROM "Salesman" s WHERE s.id = (${bestCandidate(region)})`;
  return rows[0] ?? null;
}
