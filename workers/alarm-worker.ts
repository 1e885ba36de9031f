// Turns consultation events into alarms on the matched salesman's feed.
// Run several replicas: they share partitions through the consumer group.
import { alarmHandlers } from '../lib/alarms/from-event';
import { TOPICS } from '../lib/events/topics';
import { runWorker } from '../lib/workers/run-worker';

await runWorker({ name: 'alarm-worker', topics: [TOPICS.consultations], handlers: alarmHandlers });
