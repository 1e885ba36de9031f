// Customer 360 (seed 000): the three sources' changes, streamed by Debezium, -> L1 cleansing -> union -> link (the
// ruleset, lib/identity/linking/default-ruleset.json) -> unify -> L2 profiles (IdentityProfile and the compacted
// `customer360.profiles` topic, through the outbox). lib/identity/worker/linker.ts.
//   IDENTITY_BATCH   changes per transaction at most (default 2,000)
import { createDb } from '../lib/platform/db';
import { TOPIC_PREFIX } from '../lib/platform/events/topics';
import { createKafka } from '../lib/platform/kafka/client';
import { ConsumerHealth } from '../lib/platform/workers/consumer-health';
import { startHeartbeat } from '../lib/platform/workers/heartbeat';
import { workerLifecycle } from '../lib/platform/workers/lifecycle';
import { startLinker } from '../lib/identity/worker/linker';

const NAME = 'identity-linker';
const life = workerLifecycle(NAME);
const groupId = `${TOPIC_PREFIX}${NAME}`;
const db = createDb(undefined, 2);
life.onShutdown(() => db.$disconnect());
const health = new ConsumerHealth(groupId);
let counters: Record<string, number> = {};
const heartbeat = startHeartbeat({ db, worker: NAME, details: async () => ({ ...(await health.details()), ...counters }) });
life.onShutdown(() => heartbeat.stop());
const kafka = createKafka(NAME);
const producer = kafka.producer({ allowAutoTopicCreation: false });
await producer.connect();
life.onShutdown(() => producer.disconnect());

let announced = false;
const linker = await startLinker({
  kafka, producer, groupId,
  log: (l) => console.log(`[${NAME}] ${l}`),
  onProgress: health.onProgress,
  beforeRun: (consumer) => {
    health.track(consumer, heartbeat);
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      if (!announced) console.log(`[${NAME}] ready, group ${payload.groupId}`);
      announced = true;
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => { if (!payload.restart) void life.shutdown(1, payload.error); });
  },
});
counters = linker.counters;
life.onShutdown(() => linker.stop());
