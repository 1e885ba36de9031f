import { randomUUID } from 'node:crypto';
import { findMatchingSalesman } from '../consultations/match-salesman';
import { db as defaultDb, type Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { InterestCreated } from '../../platform/events/catalog';
import { recordEvent } from '../../platform/outbox/record-event';
import type { Viewer } from '../../platform/session/viewer';
import { fieldErrorsOf } from '../../platform/validation';
import { interestRef, isUniqueViolation } from './payload';
import { createInterestSchema } from './schemas';

export interface CreateInterestOptions {
  viewer: Viewer;
  input: unknown;
  /** From the caller's request, when it has one; otherwise a new chain starts here. */
  correlationId?: string;
  /** Another client (the seed runs with its own); defaults to the app's. */
  client?: Db;
}

/**
 * The signed-in customer marks a project as interesting (seed 003: interest = 1).
 * A salesman is matched in the same transaction, by the customer's region and
 * the consultation rule, but without adding to their load (an interest is not a
 * consultation). When nobody covers the region the interest is still kept,
 * with no salesman: the customer must still hear when the project starts.
 * So InterestCreated already names the salesman.
 */
export async function createInterest({ viewer, input, correlationId, client = defaultDb }: CreateInterestOptions) {
  if (viewer.role !== 'customer') throw new AppError('FORBIDDEN', 'Only a signed-in customer can follow a project.');
  const parsed = createInterestSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID', 'Please choose a project.', fieldErrorsOf(parsed.error));
  const { projectId } = parsed.data;

  try {
    return await client.$transaction(async (tx) => {
      // One after another: a transaction is one connection, which runs one query at a time anyway.
      const customer = await tx.customer.findUnique({ where: { id: viewer.customerId }, select: { name: true, phone: true, region: true } });
      const project = await tx.project.findUnique({ where: { id: projectId }, select: { name: true, status: true } });
      const existing = await tx.interest.findUnique({
        where: { customerId_projectId: { customerId: viewer.customerId, projectId } },
        select: { id: true },
      });
      if (!customer) throw new AppError('FORBIDDEN', 'Only a signed-in customer can follow a project.');
      if (!project) throw new AppError('INVALID', 'That project does not exist.', { projectId: ['Choose a project from the list'] });
      if (project.status === 'ended') {
        throw new AppError('INVALID', `${project.name} has ended; there is nothing left to follow.`, { projectId: ['This project has ended'] });
      }
      if (existing) throw new AppError('CONFLICT', `You already follow ${project.name}; switch it on or off instead.`);

      const salesman = await findMatchingSalesman(tx, customer.region);
      const interest = await tx.interest.create({
        data: { customerId: viewer.customerId, projectId, salesmanId: salesman?.id ?? null, correlationId: correlationId ?? randomUUID() },
      });
      await recordEvent(tx, InterestCreated, interestRef({ ...interest, customer, project }), { correlationId: interest.correlationId });
      return { interest, salesman, projectName: project.name };
    });
  } catch (e) {
    // Two clicks racing past the existence check: the unique key decides, the loser hears why.
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', 'You already follow this project; switch it on or off instead.');
    throw e;
  }
}
