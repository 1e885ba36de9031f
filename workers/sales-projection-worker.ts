// Maintains the read models (CQRS views) from every domain event. Each read
// model is a handler map in lib/projections/; a batch of events updates all of them in
// one transaction, deduplicated by the consumer runner.
import { TOPICS } from '../lib/platform/events/topics';
import { projectionHandler } from '../lib/sales/projections';
import { runWorker } from '../lib/platform/workers/run-worker';

await runWorker({
  name: 'sales-projection-worker',
  topics: [TOPICS.projects, TOPICS.interests, TOPICS.consultations],
  handlers: projectionHandler,
});
