import type { Tx } from '../db';
import type { DomainEvent } from '../events/catalog';
import { Prisma } from '../generated/prisma/client';
import type { Handlers } from '../kafka/run-consumer';
import { statsDelta, type Counter, type StatsDelta } from '../stats/delta';

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

export async function applyStatsDelta(tx: Tx, delta: StatsDelta): Promise<void> {
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

  if (delta.bucket) {
    const { minute, interests, consultations } = delta.bucket;
    await tx.$executeRaw`
      INSERT INTO "ProjectStatsBucket" ("projectId", bucket, interests, consultations)
      VALUES (${delta.projectId}::uuid, ${minute.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${interests}::int, ${consultations}::int)
      ON CONFLICT ("projectId", bucket) DO UPDATE SET
        interests = "ProjectStatsBucket".interests + EXCLUDED.interests,
        consultations = "ProjectStatsBucket".consultations + EXCLUDED.consultations`;
  }
}

const handle = async (event: DomainEvent, tx: Tx) => applyStatsDelta(tx, statsDelta(event));

export const projectStatsHandlers: Handlers = {
  ProjectCreated: handle,
  ProjectEdited: handle,
  ProjectStarted: handle,
  ProjectEnded: handle,
  InterestCreated: handle,
  InterestUpdated: handle,
  ConsultationCreated: handle,
  ConsultationEdited: handle,
};
