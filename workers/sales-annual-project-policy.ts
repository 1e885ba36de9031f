// AnnualProjectCreate policy: on ProjectEnded, next year's project is created
// as planned (lib/policies/annual-project.ts). Its own consumer group, so it
// reads every project event whatever the alarm or projection workers do.
import { TOPICS } from '../lib/platform/events/topics';
import { annualProjectHandlers } from '../lib/sales/policies/annual-project';
import { runWorker } from '../lib/platform/workers/run-worker';

await runWorker({ name: 'sales-annual-project-policy', topics: [TOPICS.projects], handlers: annualProjectHandlers });
