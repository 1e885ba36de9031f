import type { Tx } from '../db';
import type { DomainEvent, EventOf, EventType } from '../events/catalog';

/** One handler per event type, each called with one event inside the consumer's transaction. */
export type Handlers = { [T in EventType]?: (event: EventOf<T>, tx: Tx) => Promise<void> };

/**
 * What a consumer does with the events it reads. The consumer hands over every
 * fresh (not yet processed) event of a Kafka batch at once, in partition order,
 * inside one transaction: a read model that writes many rows per second turns
 * a batch into a few statements instead of a few per event.
 */
export interface BatchHandler {
  /** Event types this consumer acts on; other events are acknowledged and skipped. */
  types: ReadonlySet<EventType>;
  handle(events: DomainEvent[], tx: Tx): Promise<void>;
}

/** A BatchHandler from per-event handlers: each event in turn, the batch's order kept. */
export function eachEvent(handlers: Handlers): BatchHandler {
  return {
    types: new Set(Object.keys(handlers) as EventType[]),
    async handle(events, tx) {
      for (const event of events) {
        const handler = handlers[event.type] as ((e: DomainEvent, tx: Tx) => Promise<void>) | undefined;
        if (handler) await handler(event, tx);
      }
    },
  };
}

/**
 * Several read models fed by one consumer: each gets the events of its types,
 * one after the other in the same transaction, so a batch updates every read
 * model or none. The first failure stops the rest (the transaction rolls back).
 */
export function inOrder(...list: BatchHandler[]): BatchHandler {
  return {
    types: new Set(list.flatMap((h) => [...h.types])),
    async handle(events, tx) {
      for (const h of list) {
        const mine = events.filter((e) => h.types.has(e.type));
        if (mine.length) await h.handle(mine, tx);
      }
    },
  };
}
