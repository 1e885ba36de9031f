import { eachEvent, inOrder } from '../../platform/kafka/batch-handler';
import { customerViewHandlers } from './customer-views';
import { eventLogHandler } from './event-log';
import { projectStatsHandler } from './project-stats';

/**
 * Every read model the projection worker maintains, fed in one transaction per
 * batch. Add a read model by adding its handler here.
 */
export const projectionHandler = inOrder(eventLogHandler, projectStatsHandler, eachEvent(customerViewHandlers));
