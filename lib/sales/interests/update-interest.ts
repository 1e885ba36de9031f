import { findMatchingSalesman } from '../consultations/match-salesman';
import { db as defaultDb, type Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { InterestUpdated } from '../../platform/events/catalog';
import { recordEvent } from '../../platform/outbox/record-event';
import type { Viewer } from '../../platform/session/viewer';
import { fieldErrorsOf } from '../../platform/validation';
import { interestRef } from './payload';
import { updateInterestSchema } from './schemas';

export interface UpdateInterestOptions {
  viewer: Viewer;
  input: unknown;
  client?: Db;
}

/**
 * The customer switches their interest in a project on or off. Only their own
 * interest can be addressed (someone else's answers NOT_FOUND, as if it did not
 * exist). Setting the value it already has changes nothing and emits nothing,
 * so a double click is harmless. Switching back on re-runs the match when the
 * interest has no salesman yet (their region may be covered by now).
 */
export async function updateInterest({ viewer, input, client = defaultDb }: UpdateInterestOptions) {
  if (viewer.role !== 'customer') throw new AppError('FORBIDDEN', 'Only the customer who follows a project can change that.');
  const parsed = updateInterestSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID', 'Invalid interest change.', fieldErrorsOf(parsed.error));
  const { interestId, interested } = parsed.data;

  return client.$transaction(async (tx) => {
    const current = await tx.interest.findFirst({
      where: { id: interestId, customerId: viewer.customerId },
      include: { customer: { select: { name: true, phone: true, region: true } }, project: { select: { name: true, status: true } } },
    });
    if (!current) throw new AppError('NOT_FOUND', 'No such interest among yours.');
    if (current.interested === interested) return { interest: current, changed: false, projectName: current.project.name };
    if (interested && current.project.status === 'ended') {
      throw new AppError('INVALID', `${current.project.name} has ended; there is nothing left to follow.`);
    }

    const salesmanId = interested && !current.salesmanId ? ((await findMatchingSalesman(tx, current.customer.region))?.id ?? null) : current.salesmanId;
    // Optimistic check: a concurrent change wins and this one is refused, rather than overwriting it blindly.
    const { count } = await tx.interest.updateMany({
      where: { id: current.id, version: current.version },
      data: { interested, salesmanId, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError('CONFLICT', 'This interest was changed meanwhile; reload and try again.');
    const interest = { ...current, interested, salesmanId, version: current.version + 1 };
    await recordEvent(
      tx,
      InterestUpdated,
      { ...interestRef(interest), previouslyInterested: current.interested },
      { correlationId: current.correlationId },
    );
    return { interest, changed: true, projectName: current.project.name };
  });
}
