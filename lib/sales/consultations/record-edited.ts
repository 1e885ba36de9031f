import type { Tx } from '../../platform/db';
import { ConsultationEdited } from '../../platform/events/catalog';
import { recordEvent } from '../../platform/outbox/record-event';
import type { ConsultationStep } from './schemas';

/** The consultation as it was read before the change, with its project's name. */
interface Before {
  id: string;
  projectId: string;
  customerId: string;
  salesmanId: string;
  contactName: string;
  step: ConsultationStep;
  correlationId: string;
  project: { name: string };
}

/** Writes ConsultationEdited for a change made in the caller's transaction (step change or customer edit). */
export function recordConsultationEdited(
  tx: Tx,
  before: Before,
  change: { step: ConsultationStep; editedBy: 'customer' | 'salesman' | 'staff'; contactName?: string },
) {
  return recordEvent(
    tx,
    ConsultationEdited,
    {
      consultationId: before.id,
      projectId: before.projectId,
      projectName: before.project.name,
      customerId: before.customerId,
      salesmanId: before.salesmanId,
      contactName: change.contactName ?? before.contactName,
      step: change.step,
      previousStep: before.step,
      editedBy: change.editedBy,
    },
    { correlationId: before.correlationId },
  );
}
