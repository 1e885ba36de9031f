// Promotion attribution (seed 001): purchases joined to promotion views and clicks within 5 minutes in event
// time, published to purchase.attributed and, masked, to `promotion` (lib/promotions/attribution/attributor.ts).
// Replicas share the partitions (partition i of both inputs together). ATTRIBUTION_GRACE_MS: how long a purchase
// with no behaviour yet waits for a late one (default 1000).
import { createDb } from '../lib/platform/db';
import { TOPIC_PREFIX } from '../lib/platform/events/topics';
import { createKafka } from '../lib/platform/kafka/client';
import { ConsumerHealth } from '../lib/platform/workers/consumer-health';
import { startHeartbeat } from '../lib/platform/workers/heartbeat';
import { workerLifecycle } from '../lib/platform/workers/lifecycle';
import { startAttributor } from '../lib/promotions/attribution/attributor';

const NAME = 'promotions-attributor';
const life = workerLifecycle(NAME);
const graceMs = Number(process.env.ATTRIBUTION_GRACE_MS ?? 1000);
if (!Number.isFinite(graceMs) || graceMs < 0) throw new Error(`ATTRIBUTION_GRACE_MS must be a number of milliseconds, not "${process.env.ATTRIBUTION_GRACE_MS}"`);
const groupId = `${TOPIC_PREFIX}${NAME}`;

const db = createDb(undefined, 4);
life.onShutdown(() => db.$disconnect());
const health = new ConsumerHealth(groupId);
let counters: Record<string, number> = {};
const heartbeat = startHeartbeat({ db, worker: NAME, details: async () => ({ ...(await health.details()), ...counters, graceMs }) });
life.onShutdown(() => heartbeat.stop());
const kafka = createKafka(NAME);
const producer = kafka.producer({ allowAutoTopicCreation: false });
await producer.connect();
life.onShutdown(() => producer.disconnect());

let announced = false;
const attributor = await startAttributor({
  kafka, db, producer, groupId, graceMs,
  log: (l) => console.log(`[${NAME}] ${l}`),
  onProgress: health.onProgress,
  onFatal: (e) => void life.shutdown(1, e),
  beforeRun: (consumer) => {
    health.track(consumer, heartbeat);
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      const parts = Object.entries(payload.memberAssignment).map(([t, p]) => `${t}[${p.join(',')}]`);
      if (!announced) console.log(`[${NAME}] ready, group ${payload.groupId}, grace ${graceMs} ms, assigned ${parts.join(' ') || 'nothing yet'}`);
      announced = true;
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => { if (!payload.restart) void life.shutdown(1, payload.error); });
  },
});
counters = attributor.counters;
life.onShutdown(() => attributor.stop());
