import { db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { recordConsultationEdited } from './record-edited';
import type { Viewer } from '../../platform/session/viewer';
import { fieldErrorsOf } from '../../platform/validation';
import { stepChangeSchema } from './schemas';
import { CLOSED_STEPS, transitionError } from './transitions';

export interface ChangeStepOptions {
  viewer: Viewer;
  input: unknown;
}

/**
 * The matched salesman moves a consultation along its life cycle (accept,
 * reject, in progress, success, fail). The step change, the salesman's open
 * count and the ConsultationEdited event commit together.
 */
export async function changeConsultationStep({ viewer, input }: ChangeStepOptions) {
  const parsed = stepChangeSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID', 'Invalid step change.', fieldErrorsOf(parsed.error));
  const { consultationId, step } = parsed.data;
  if (viewer.role !== 'salesman') throw new AppError('FORBIDDEN', 'Only the matched salesman can change the step.');

  return db.$transaction(async (tx) => {
    const current = await tx.consultation.findUnique({
      where: { id: consultationId },
      include: { project: { select: { name: true } } },
    });
    // A consultation matched to someone else is reported as missing: no leak of its existence.
    if (!current || current.salesmanId !== viewer.salesmanId) {
      throw new AppError('NOT_FOUND', 'No such consultation among yours.');
    }
    const refusal = transitionError(current.step, step);
    if (refusal) throw new AppError('CONFLICT', refusal);

    // Optimistic check: if someone changed it since we read it, refuse rather than overwrite.
    const { count } = await tx.consultation.updateMany({
      where: { id: current.id, version: current.version },
      data: { step, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError('CONFLICT', 'This consultation was changed meanwhile; reload and try again.');
    if (CLOSED_STEPS.includes(step)) {
      await tx.salesman.update({ where: { id: current.salesmanId }, data: { openConsultations: { decrement: 1 } } });
    }
    await recordConsultationEdited(tx, current, { step, editedBy: 'salesman' });
    return { ...current, step, version: current.version + 1 };
  });
}
