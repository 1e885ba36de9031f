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
  // One round trip for the row and the wake-up: this runs inside every command's transaction.
  await tx.$executeRaw`
    WITH ins AS (
      INSERT INTO "OutboxEvent" ("eventId", topic, key, type, envelope)
      VALUES (${envelope.eventId}::uuid, ${def.topic}, ${def.key(envelope.payload)}, ${def.type}, ${JSON.stringify(envelope)}::jsonb)
      RETURNING 1)
    SELECT pg_notify('outbox', '') FROM ins`;
  return envelope;
}
