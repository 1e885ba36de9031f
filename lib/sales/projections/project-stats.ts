import type { Tx } from '../../platform/db';
import { SALES_EVENT_TYPES, type DomainEvent, type SalesEvent } from '../../platform/events/catalog';
import { Prisma } from '../../generated/prisma/client';
import type { BatchHandler } from '../../platform/kafka/run-consumer';
import { mergeDeltas, statsDelta, type Counter, type MinuteBucket, type StatsDelta } from '../stats/delta';

/**
 * ProjectStats and ProjectStatsBucket: what staff see per project, kept from
 * events only, so the statistics page never joins over projects, interests or
 * consultations. Exactly-once comes from the consumer runner (ProcessedEvent in
 * the same transaction); the statements are single upserts with relative
 * increments, so two replicas updating one project cannot lose an update.
 */

// Column names come from this fixed list, never from input.
const COLUMNS: Record<Counter, string> = {
  interested: 'interested',
  requested: 'requested',
  accepted: 'accepted',
  inProgress: 'inProgress',
  success: 'success',
  fail: 'fail',
  canceled: 'canceled',
  everAccepted: 'everAccepted',
};

async function applyTotals(tx: Tx, delta: Omit<StatsDelta, 'bucket'>): Promise<void> {
  const moved = (Object.entries(delta.counters) as [Counter, number][]).filter(([, n]) => n !== 0);
  const cols = moved.map(([c]) => Prisma.raw(`"${COLUMNS[c]}"`));
  // A counter never drops below zero: a step left that was never counted means history
  // before this read model existed (an expired topic); showing -1 would help nobody.
  const initial = moved.map(([, n]) => Prisma.sql`GREATEST(${n}::int, 0)`);
  const updates = moved.map(([c, n]) => Prisma.raw(`"${COLUMNS[c]}" = GREATEST("ProjectStats"."${COLUMNS[c]}" + (${Math.trunc(n)}), 0)`));
  await tx.$executeRaw`
    INSERT INTO "ProjectStats" ("projectId", "projectName", "updatedAt"${cols.length ? Prisma.sql`, ${Prisma.join(cols)}` : Prisma.empty})
    VALUES (${delta.projectId}::uuid, ${delta.projectName}, now()${initial.length ? Prisma.sql`, ${Prisma.join(initial)}` : Prisma.empty})
    ON CONFLICT ("projectId") DO UPDATE SET
      "projectName" = ${delta.namesProject ? Prisma.sql`EXCLUDED."projectName"` : Prisma.sql`"ProjectStats"."projectName"`},
      "updatedAt" = now()${
      updates.length ? Prisma.sql`, ${Prisma.join(updates)}` : Prisma.empty
    }`;
}

/** Every (project, minute) bucket of a batch in one statement. */
async function applyBuckets(tx: Tx, buckets: MinuteBucket[]): Promise<void> {
  if (buckets.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "ProjectStatsBucket" ("projectId", bucket, interests, consultations)
    SELECT p, m AT TIME ZONE 'UTC', i, c
    FROM unnest(${buckets.map((b) => b.projectId)}::uuid[], ${buckets.map((b) => b.minute.toISOString())}::timestamptz[],
                ${buckets.map((b) => b.interests)}::int[], ${buckets.map((b) => b.consultations)}::int[]) AS u(p, m, i, c)
    ON CONFLICT ("projectId", bucket) DO UPDATE SET
      interests = "ProjectStatsBucket".interests + EXCLUDED.interests,
      consultations = "ProjectStatsBucket".consultations + EXCLUDED.consultations`;
}

/** A batch of events: summed per project (mergeDeltas), one statement per project touched plus one for the chart buckets. */
export const projectStatsHandler: BatchHandler = {
  types: SALES_EVENT_TYPES,
  async handle(events: DomainEvent[], tx: Tx) {
    const { totals, buckets } = mergeDeltas((events as SalesEvent[]).map(statsDelta));
    for (const t of totals) await applyTotals(tx, t);
    await applyBuckets(tx, buckets);
  },
};
