// commerce.products -> Product rows.
import { productSink } from '../lib/commerce/sinks/products';
import { TOPICS } from '../lib/platform/events/topics';
import { runWorker } from '../lib/platform/workers/run-worker';

await runWorker({ name: 'commerce-product-sink', topics: [TOPICS.commerceProducts], handlers: productSink, dedupe: 'natural-key' });
