// commerce.users -> ShopUser rows (UserRegistered; grade changes on the same topic are the grade updater's own).
import { userSink } from '../lib/commerce/sinks/users';
import { TOPICS } from '../lib/platform/events/topics';
import { runWorker } from '../lib/platform/workers/run-worker';

await runWorker({ name: 'commerce-user-sink', topics: [TOPICS.commerceUsers], handlers: userSink, dedupe: 'natural-key' });
