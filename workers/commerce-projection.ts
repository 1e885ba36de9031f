// Commerce read models for the dashboard: per minute, per category, per day, payment by age group.
import { commerceStats } from '../lib/commerce/projections/commerce-stats';
import { TOPICS } from '../lib/platform/events/topics';
import { runWorker } from '../lib/platform/workers/run-worker';

await runWorker({ name: 'commerce-projection', topics: [TOPICS.commerceOrders, TOPICS.commerceUsers], handlers: commerceStats });
