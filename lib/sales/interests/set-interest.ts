import { db as defaultDb, type Db } from '../../platform/db';
import { AppError, isAppError } from '../../platform/errors';
import type { Viewer } from '../../platform/session/viewer';
import { fieldErrorsOf } from '../../platform/validation';
import { createInterest } from './create-interest';
import { setInterestSchema } from './schemas';
import { updateInterest } from './update-interest';

export interface SetInterestOptions {
  viewer: Viewer;
  input: unknown;
  client?: Db;
}

/**
 * The page's toggle: "I am (not) interested in this project". The first time
 * it is CreateInterest, afterwards UpdateInterest; the customer never has to
 * know which. Both commands keep their own events and checks.
 */
export async function setInterest({ viewer, input, client = defaultDb }: SetInterestOptions) {
  if (viewer.role !== 'customer') throw new AppError('FORBIDDEN', 'Only a signed-in customer can follow a project.');
  const parsed = setInterestSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID', 'Invalid interest change.', fieldErrorsOf(parsed.error));
  const { projectId, interested } = parsed.data;

  const update = async () => {
    const own = await client.interest.findUnique({
      where: { customerId_projectId: { customerId: viewer.customerId, projectId } },
      select: { id: true },
    });
    if (!own) return null;
    const r = await updateInterest({ viewer, input: { interestId: own.id, interested }, client });
    return { interestId: own.id, interested, changed: r.changed, projectName: r.projectName };
  };

  const updated = await update();
  if (updated || !interested) return updated ?? { interestId: null, interested, changed: false, projectName: null };
  try {
    const r = await createInterest({ viewer, input: { projectId }, client });
    return { interestId: r.interest.id, interested, changed: true, projectName: r.projectName, salesman: r.salesman };
  } catch (e) {
    // Created by a concurrent request in between: it is an update after all.
    if (isAppError(e) && e.code === 'CONFLICT') return (await update()) ?? Promise.reject(e);
    throw e;
  }
}
