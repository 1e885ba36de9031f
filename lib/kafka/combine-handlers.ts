import type { Tx } from '../db';
import type { EventType } from '../events/catalog';
import type { Handlers } from './run-consumer';

/**
 * Merges handler maps of several read models into one consumer's map: for an
 * event type handled by more than one, the handlers run in order in the same
 * transaction, so one event updates every read model or none.
 */
export function combineHandlers(...maps: Handlers[]): Handlers {
  const out: Record<string, (event: never, tx: Tx) => Promise<void>> = {};
  const types = new Set(maps.flatMap((m) => Object.keys(m))) as Set<EventType>;
  for (const type of types) {
    const list = maps.map((m) => m[type]).filter(Boolean) as ((e: never, tx: Tx) => Promise<void>)[];
    out[type] = async (event, tx) => {
      for (const handle of list) await handle(event, tx);
    };
  }
  return out as Handlers;
}
