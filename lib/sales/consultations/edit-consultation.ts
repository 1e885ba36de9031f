import { db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { recordConsultationEdited } from './record-edited';
import type { Viewer } from '../../platform/session/viewer';
import { fieldErrorsOf } from '../../platform/validation';
import { EDITABLE_FIELDS, editRefusal, type EditableField } from './edit-rules';
import { consultationEditSchema } from './schemas';

export interface EditConsultationOptions {
  viewer: Viewer;
  input: unknown;
}

/**
 * EditConsultation (seed 003): the customer who asked corrects their request
 * while it is still "requested". The change and its ConsultationEdited event
 * (editedBy customer, step unchanged) commit together; the matched salesman
 * stays. Someone else's consultation is reported as missing.
 */
export async function editConsultation({ viewer, input }: EditConsultationOptions) {
  if (viewer.role !== 'customer') throw new AppError('FORBIDDEN', 'Only the customer who asked for a consultation can edit it.');
  const parsed = consultationEditSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID', 'Please correct the highlighted fields.', fieldErrorsOf(parsed.error));
  const { consultationId, expectedVersion, ...wanted } = parsed.data;

  return db.$transaction(async (tx) => {
    const current = await tx.consultation.findFirst({
      where: { id: consultationId, customerId: viewer.customerId },
      include: { project: { select: { name: true } } },
    });
    if (!current) throw new AppError('NOT_FOUND', 'No such consultation among yours.');
    const refusal = editRefusal(current.step);
    if (refusal) throw new AppError('CONFLICT', refusal);
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw new AppError('CONFLICT', 'This request was changed in another window meanwhile; reload it and make your change again.');
    }

    const changed: EditableField[] = EDITABLE_FIELDS.filter((f) => wanted[f] !== current[f]);
    if (changed.length === 0) return { consultation: current, changed };

    // Step in the WHERE: a salesman who accepts in the same instant wins, and this edit is refused, not lost silently.
    const { count } = await tx.consultation.updateMany({
      where: { id: current.id, version: current.version, step: 'requested' },
      data: { ...wanted, version: { increment: 1 } },
    });
    if (count === 0) {
      const now = await tx.consultation.findUnique({ where: { id: current.id }, select: { step: true } });
      throw new AppError('CONFLICT', (now && editRefusal(now.step)) ?? 'This request was changed meanwhile; reload it and try again.');
    }
    await recordConsultationEdited(tx, current, { step: current.step, editedBy: 'customer', contactName: wanted.contactName });
    return { consultation: { ...current, ...wanted, version: current.version + 1 }, changed };
  });
}
