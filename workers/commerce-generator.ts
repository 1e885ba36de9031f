// The shop of seed 002: checks out carts, signs up users and lists products, and
// publishes them straight to the commerce topics (see lib/commerce/generator/run.ts).
// Env: COMMERCE_RATE = carts per second (load; staff's rate in GeneratorControl wins),
// COMMERCE_POOL=none = no hot pool (the buyer and products looked up per cart, for the
// benchmark), COMMERCE_SEED = RNG seed, PAYMENT_BATCH_MS = time between FINISH markers on `payment`
// (default 60000), PAYMENT_*_SHARE = the payment mix (run.ts paymentMixFromEnv). Run one instance.
import { createDb } from '../lib/platform/db';
import { createKafka } from '../lib/platform/kafka/client';
import { startHeartbeat } from '../lib/platform/workers/heartbeat';
import { workerLifecycle } from '../lib/platform/workers/lifecycle';
import { poolCounters } from '../lib/commerce/generator/hot-pool';
import { paymentPartitions, startGenerator } from '../lib/commerce/generator/run';

const NAME = 'commerce-generator';
const life = workerLifecycle(NAME);

const num = (v: string | undefined) => (v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : null);
const envRate = num(process.env.COMMERCE_RATE);
const poolMode = process.env.COMMERCE_POOL === 'none' ? 'none' : 'pool';

const db = createDb(undefined, 4);
life.onShutdown(() => db.$disconnect());
const kafka = createKafka(NAME);
const producer = kafka.producer({ allowAutoTopicCreation: false });
await producer.connect();
life.onShutdown(() => producer.disconnect());

const generator = await startGenerator({
  db, producer, name: NAME, envRate, poolMode, seed: num(process.env.COMMERCE_SEED) ?? undefined, paymentPartitions: await paymentPartitions(kafka),
});
const heartbeat = startHeartbeat({
  db,
  worker: NAME,
  details: () => ({ ...generator.counters, poolQueries: poolCounters.queries, poolRefreshes: poolCounters.refreshes, scenario: generator.state().scenario.id }),
});
life.onShutdown(() => heartbeat.stop());
// Registered last, so it runs first: finish the batches in flight before closing the producer.
life.onShutdown(() => generator.stop());
heartbeat.setStatus('running');
void heartbeat.beat();

const { pace, scenario } = generator.state();
const c = generator.pool.composition();
console.log(
  `[${NAME}] ready: ${pace.kind === 'rate' ? `${pace.cartsPerSecond} carts/s` : "seed's pace"}, scenario ${scenario.id} ${scenario.name} (${scenario.mode}), ` +
    `pool ${generator.pool.users.length} users (${c.neverPurchased} never purchased) and ${generator.pool.products.length} products` +
    `${poolMode === 'none' ? ' (no pool: lookups per cart)' : ''}, next user ${generator.shop.nextUserSeq}`,
);
