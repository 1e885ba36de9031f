import { randomUUID } from 'node:crypto';
import { db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { ConsultationCreated } from '../../platform/events/catalog';
import { Prisma } from '../../generated/prisma/client';
import { outboxInsertSql } from '../../platform/outbox/record-event';
import { fieldErrorsOf } from '../../platform/validation';
import { bestCandidate, type MatchedSalesman } from './match-salesman';
import { consultationRequestSchema, type ConsultationStep } from './schemas';

export interface CreateConsultationOptions {
  customerId: string;
  input: unknown;
  /** From the caller's request, when it has one; otherwise a new chain starts here. */
  correlationId?: string;
}

interface Row {
  project: { id: string; name: string; status: string } | null;
  customerExists: boolean;
  salesman: MatchedSalesman | null;
  createdAt: Date | null;
  events: number;
}

/**
 * A customer asks for a consultation. The salesman is matched synchronously, in
 * the same transaction as the consultation and its ConsultationCreated event:
 * either all three are written or none is.
 *
 * This is the hottest write in the product, so the checks, the match (see
 * match-salesman.ts: the chosen salesman's row is locked and counted), the
 * insert and the outbox row are one statement: the salesman is only counted,
 * and the rows only inserted, when the project is open and the customer exists.
 */
export async function createConsultation({ customerId, input, correlationId }: CreateConsultationOptions) {
  const parsed = consultationRequestSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('INVALID', 'Please correct the highlighted fields.', fieldErrorsOf(parsed.error));
  }
  const data = parsed.data;
  const id = randomUUID();
  const chain = correlationId ?? randomUUID();

  const step: ConsultationStep = 'requested';
  // The check, the match, the insert and the ConsultationCreated event are one statement,
  // so they happen together or not at all, in one round trip.
  const [row] = await db.$queryRaw<Row[]>`
    WITH p AS (SELECT id, name, status::text AS status FROM "Project" WHERE id = ${data.projectId}::uuid),
    ok AS (
      SELECT 1 FROM p WHERE p.status <> 'ended'
      AND EXISTS (SELECT 1 FROM "Customer" WHERE id = ${customerId}::uuid)),
    s AS (
      UPDATE "Salesman" AS s SET "openConsultations" = s."openConsultations" + 1
      WHERE EXISTS (SELECT 1 FROM ok) AND s.id = (${bestCandidate(data.region)} FOR UPDATE OF c)
      RETURNING s.id, s.name),
    ins AS (
      INSERT INTO "Consultation" (id, "projectId", "customerId", "salesmanId", "contactName", phone, company, region, message, "correlationId", "updatedAt")
      SELECT ${id}::uuid, ${data.projectId}::uuid, ${customerId}::uuid, s.id, ${data.contactName}, ${data.phone},
             ${data.company}, ${data.region}, ${data.message}, ${chain}::uuid, now()
      FROM s
      RETURNING "createdAt"),
    ${outboxInsertSql(
      ConsultationCreated,
      { consultationId: id, projectId: data.projectId, customerId, contactName: data.contactName, company: data.company, region: data.region, step },
      { salesmanId: Prisma.sql`s.id`, projectName: Prisma.sql`p.name` },
      Prisma.sql`s, p, ins`,
      { correlationId: chain },
    )}
    SELECT (SELECT row_to_json(p) FROM p) AS project,
           EXISTS (SELECT 1 FROM "Customer" WHERE id = ${customerId}::uuid) AS "customerExists",
           (SELECT row_to_json(s) FROM s) AS salesman,
           (SELECT "createdAt" FROM ins) AS "createdAt",
           (SELECT count(*) FROM outbox_notified)::int AS events`;
  const { project, salesman, createdAt } = row!;
  if (!row!.customerExists) throw new AppError('FORBIDDEN', 'Only a signed-in customer can request a consultation.');
  if (!project) {
    throw new AppError('INVALID', 'That project does not exist.', { projectId: ['Choose a project from the list'] });
  }
  if (project.status === 'ended') {
    throw new AppError('INVALID', `${project.name} has ended and takes no more requests.`, {
      projectId: ['This project has ended; choose another one'],
    });
  }
  if (!salesman || !createdAt) {
    throw new AppError(
      'UNAVAILABLE',
      `No salesman covers ${data.region} yet, so your request was not saved. Please try again later or choose a neighbouring region.`,
      { region: [`No salesman covers ${data.region} yet`] },
    );
  }
  const consultation = { id, ...data, customerId, salesmanId: salesman.id, step, correlationId: chain, createdAt };
  return { consultation, salesman };
}
