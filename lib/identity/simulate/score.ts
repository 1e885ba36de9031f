import type { Sql } from '../store/sql';
import type { Quality } from './quality';

/**
 * pairwiseQuality (quality.ts) computed in PostgreSQL, over IdentityGroundTruth and the linker's IdentityRecord
 * profile ids: the same counts (pairs per profile, per person, per (profile, person) cell), without loading millions of
 * records into memory. A simulated record the linker has not written (or wrote without a profile) is its own group.
 */
export async function scoreLinking(sql: Sql): Promise<Quality> {
  const { rows } = await sql.query<{ records: string; groups: string; people: string; tp: string; pp: string; ap: string; purity_hits: string; inverse_hits: string }>(`
    WITH t AS (
      SELECT g."recordKey", g."personId", coalesce(r."profileId", 'alone:' || g."recordKey") AS grp
      FROM "IdentityGroundTruth" g LEFT JOIN "IdentityRecord" r ON r.key = g."recordKey"),
    cells AS (SELECT grp, "personId", count(*) AS n FROM t GROUP BY 1, 2),
    groups AS (SELECT grp, sum(n) AS n, max(n) AS top FROM cells GROUP BY 1),
    people AS (SELECT "personId", sum(n) AS n, max(n) AS top FROM cells GROUP BY 1)
    SELECT (SELECT sum(n) FROM groups)::text AS records, (SELECT count(*) FROM groups)::text AS groups, (SELECT count(*) FROM people)::text AS people,
      (SELECT sum(n * (n - 1) / 2) FROM cells)::text AS tp, (SELECT sum(n * (n - 1) / 2) FROM groups)::text AS pp, (SELECT sum(n * (n - 1) / 2) FROM people)::text AS ap,
      (SELECT sum(top) FROM groups)::text AS purity_hits, (SELECT sum(top) FROM people)::text AS inverse_hits`);
  const r = rows[0]!;
  const [records, truePairs, predictedPairs, actualPairs] = [Number(r.records ?? 0), Number(r.tp ?? 0), Number(r.pp ?? 0), Number(r.ap ?? 0)];
  const precision = predictedPairs ? truePairs / predictedPairs : 1;
  const recall = actualPairs ? truePairs / actualPairs : 1;
  return {
    records, groups: Number(r.groups), people: Number(r.people), truePairs, predictedPairs, actualPairs, precision, recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    purity: records ? Number(r.purity_hits) / records : 1, inversePurity: records ? Number(r.inverse_hits) / records : 1,
  };
}
