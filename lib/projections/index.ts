import type { Handlers } from '../kafka/run-consumer';
import { customerViewHandlers } from './customer-views';
import { eventLogHandlers } from './event-log';
import { projectStatsHandlers } from './project-stats';

/**
 * Every read model the projection worker maintains. Add a read model by adding
 * its handler map here (order matters only within one event type).
 */
export const projectionHandlers: Handlers[] = [eventLogHandlers, projectStatsHandlers, customerViewHandlers];
