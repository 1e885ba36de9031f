import { randomUUID } from 'node:crypto';
import { db } from '../db';
import { AppError } from '../errors';
import { ConsultationCreated } from '../events/catalog';
import { recordEvent } from '../outbox/record-event';
import { fieldErrorsOf } from '../validation';
import { matchSalesman } from './match-salesman';
import { consultationRequestSchema } from './schemas';

export interface CreateConsultationOptions {
  customerId: string;
  input: unknown;
  /** From the caller's request, when it has one; otherwise a new chain starts here. */
  correlationId?: string;
}

/**
 * A customer asks for a consultation. The salesman is matched synchronously, in
 * the same transaction as the consultation and its ConsultationCreated event:
 * either all three are written or none is.
 */
export async function createConsultation({ customerId, input, correlationId }: CreateConsultationOptions) {
  const parsed = consultationRequestSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('INVALID', 'Please correct the highlighted fields.', fieldErrorsOf(parsed.error));
  }
  const data = parsed.data;

  return db.$transaction(async (tx) => {
    const [project, customer] = await Promise.all([
      tx.project.findUnique({ where: { id: data.projectId }, select: { id: true, name: true, status: true } }),
      tx.customer.findUnique({ where: { id: customerId }, select: { id: true } }),
    ]);
    if (!customer) throw new AppError('FORBIDDEN', 'Only a signed-in customer can request a consultation.');
    if (!project) {
      throw new AppError('INVALID', 'That project does not exist.', { projectId: ['Choose a project from the list'] });
    }
    if (project.status === 'ended') {
      throw new AppError('INVALID', `${project.name} has ended and takes no more requests.`, {
        projectId: ['This project has ended; choose another one'],
      });
    }

    const salesman = await matchSalesman(tx, data.region);
    if (!salesman) {
      throw new AppError(
        'UNAVAILABLE',
        `No salesman covers ${data.region} yet, so your request was not saved. Please try again later or choose a neighbouring region.`,
        { region: [`No salesman covers ${data.region} yet`] },
      );
    }

    const consultation = await tx.consultation.create({
      data: { ...data, customerId, salesmanId: salesman.id, correlationId: correlationId ?? randomUUID() },
    });
    await recordEvent(
      tx,
      ConsultationCreated,
      {
        consultationId: consultation.id,
        projectId: project.id,
        projectName: project.name,
        customerId,
        salesmanId: salesman.id,
        contactName: consultation.contactName,
        company: consultation.company,
        region: consultation.region,
        step: consultation.step,
      },
      { correlationId: consultation.correlationId },
    );
    return { consultation, salesman };
  });
}
