import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Topic } from './topics';

/** Fields every event carries, whatever its type. */
export const envelopeSchema = z.object({
  eventId: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime(),
  /** Shared by every event that stems from one user request or policy chain. */
  correlationId: z.uuid(),
  /** The event (or command) that directly caused this one; null for a user command. */
  causationId: z.uuid().nullable(),
  payload: z.unknown(),
});

export type Envelope<P = unknown> = Omit<z.infer<typeof envelopeSchema>, 'payload'> & { payload: P };

export interface EventDefinition<T extends string = string, P = unknown> {
  type: T;
  version: number;
  topic: Topic;
  payload: z.ZodType<P>;
  /** Kafka key: events of one aggregate share a partition, so they stay in order. */
  key: (payload: P) => string;
}

export function defineEvent<T extends string, S extends z.ZodType>(def: {
  type: T;
  version: number;
  topic: Topic;
  payload: S;
  key: (payload: z.infer<S>) => string;
}): EventDefinition<T, z.infer<S>> {
  return def as EventDefinition<T, z.infer<S>>;
}

export interface Causation {
  correlationId: string;
  causationId?: string | null;
  /** When it happened, if not now: the history run stamps events with its simulated clock. */
  occurredAt?: Date;
}

export function createEnvelope<T extends string, P>(
  def: EventDefinition<T, P>,
  payload: P,
  cause: Causation,
): Envelope<P> & { type: T } {
  return {
    eventId: randomUUID(),
    type: def.type,
    version: def.version,
    occurredAt: (cause.occurredAt ?? new Date()).toISOString(),
    correlationId: cause.correlationId,
    causationId: cause.causationId ?? null,
    payload: def.payload.parse(payload),
  };
}
