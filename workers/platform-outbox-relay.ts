// Publishes the transactional outbox to Kafka. Woken by NOTIFY on every commit
// that wrote an event, with a 1 s poll as a safety net (a lost notification,
// rows left by a relay that died). Run one instance: it keeps publish order.
import pg from 'pg';
import { config } from '../lib/platform/config';
import { createDb } from '../lib/platform/db';
import { createKafka } from '../lib/platform/kafka/client';
import { parkedOutboxCount, pendingOutboxCount, relayBatch } from '../lib/platform/outbox/relay';
import { startHeartbeat } from '../lib/platform/workers/heartbeat';
import { workerLifecycle } from '../lib/platform/workers/lifecycle';

const NAME = 'platform-outbox-relay';
const life = workerLifecycle(NAME);

const db = createDb(undefined, 2);
life.onShutdown(() => db.$disconnect());
const stats = { publishedTotal: 0, lastPublishedAt: null as string | null, lastError: null as string | null };
const heartbeat = startHeartbeat({ db, worker: NAME, details: async () => ({ ...stats, pending: await pendingOutboxCount(db), parked: await parkedOutboxCount(db) }) });
life.onShutdown(() => heartbeat.stop());
const producer = createKafka(NAME).producer({ allowAutoTopicCreation: false });
await producer.connect();
life.onShutdown(() => producer.disconnect());

let wake: () => void = () => {};
const listener = new pg.Client({ connectionString: config().DATABASE_URL });
await listener.connect();
listener.on('notification', () => wake());
await listener.query('LISTEN outbox');
life.onShutdown(() => listener.end());

/**
 * After a wake-up, wait this long before reading the outbox, so the commits of
 * the next few milliseconds go out in the same Kafka request and transaction.
 * Publishing each event alone costs several times more CPU (in the relay, the
 * broker and the consumers' fetches) than the 20 ms it adds to the latency.
 */
const LINGER_MS = 20;

let running = true;
const loop = (async () => {
  let published = 0;
  let lastReport = Date.now();
  while (running) {
    try {
      await new Promise((r) => setTimeout(r, LINGER_MS));
      let parked = 0;
      const n = await relayBatch({
        db, producer,
        onParked: (e) => {
          parked++;
          console.error(`[${NAME}] parked outbox event ${e.id} (${e.type} ${e.eventId} for ${e.topic}), recorded as a dead letter: ${e.reason}`);
        },
      });
      published += n - parked;
      if (n > parked) Object.assign(stats, { publishedTotal: stats.publishedTotal + n - parked, lastPublishedAt: new Date().toISOString(), lastError: null });
      if (Date.now() - lastReport > 60_000 && published) {
        console.log(`[${NAME}] published ${published} events in the last minute`);
        published = 0;
        lastReport = Date.now();
      }
      if (n > 0) continue;
    } catch (e) {
      console.error(`[${NAME}] publish failed, will retry: ${(e as Error).message}`);
      stats.lastError = (e as Error).message;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1_000);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
})();
// Registered last, so it runs first: finish the batch in flight before closing connections.
life.onShutdown(async () => {
  running = false;
  wake();
  await loop;
});
heartbeat.setStatus('running');
void heartbeat.beat();
console.log(`[${NAME}] ready, publishing to ${config().KAFKA_BROKERS.join(',')}`);
