import type { Tx } from '../db';
import { createEnvelope, type Causation, type Envelope, type EventDefinition } from '../events/envelope';

/**
 * Writes a domain event into the outbox inside the caller's transaction, so the
 * event exists if and only if the state change committed. The NOTIFY is
 * delivered on commit and wakes the relay without polling delay.
 */
export async function recordEvent<T extends string, P>(
  tx: Tx,
  def: EventDefinition<T, P>,
  payload: NoInfer<P>,
  cause: Causation,
): Promise<Envelope<P> & { type: T }> {
  const envelope = createEnvelope(def, payload, cause);
  await tx.outboxEvent.create({
    data: {
      eventId: envelope.eventId,
      topic: def.topic,
      key: def.key(envelope.payload),
      type: def.type,
      envelope: envelope as object,
    },
  });
  await tx.$executeRaw`SELECT pg_notify('outbox', '')`;
  return envelope;
}
