import type { Handlers } from '../kafka/run-consumer';

/**
 * Every read model the projection worker maintains. Add a read model by adding
 * its handler map here (order matters only within one event type).
 */
export const projectionHandlers: Handlers[] = [];
