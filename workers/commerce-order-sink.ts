// commerce.orders -> ShopOrder + OrderLine rows, buyers' last order time, products' order counts.
// `npm start` runs three replicas in one consumer group (ORDER_SINK_REPLICAS); each takes two of the six partitions.
import { orderSink } from '../lib/commerce/sinks/orders';
import { TOPICS } from '../lib/platform/events/topics';
import { runWorker } from '../lib/platform/workers/run-worker';

await runWorker({ name: 'commerce-order-sink', topics: [TOPICS.commerceOrders], handlers: orderSink, dedupe: 'natural-key' });
