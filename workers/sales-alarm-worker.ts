// Turns all eight sales-desk events into alarms: project events for every
// active salesman, interest and consultation events for the matched one.
// Run several replicas: they share partitions through the consumer group.
import { alarmHandler } from '../lib/sales/alarms/from-event';
import { TOPICS } from '../lib/platform/events/topics';
import { runWorker } from '../lib/platform/workers/run-worker';

await runWorker({ name: 'sales-alarm-worker', topics: [TOPICS.projects, TOPICS.interests, TOPICS.consultations], handlers: alarmHandler });
