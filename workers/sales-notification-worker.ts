// Seed 003: on ProjectStarted, one notification per interested customer
// (addressed by phone), then delivery to the in-app inbox or, with
// NOTIFY_WEBHOOK_URL set, to that URL, through a notifier with timeout, retries
// and a circuit breaker. Consuming and delivering are decoupled by the
// Notification table: a failing receiver never stops events being consumed,
// and every pending delivery is in the database, so a restart loses nothing.
import { createDb } from '../lib/platform/db';
import { TOPICS } from '../lib/platform/events/topics';
import { channelOf, notifierConfig } from '../lib/sales/notifications/config';
import { notificationHandlers } from '../lib/sales/notifications/create-notifications';
import { startDeliveryLoop } from '../lib/sales/notifications/delivery';
import { inboxTransport } from '../lib/sales/notifications/inbox';
import { createNotifier, type Notifier } from '../lib/sales/notifications/notifier';
import { webhookTransport } from '../lib/sales/notifications/webhook';
import { workerLifecycle } from '../lib/platform/workers/lifecycle';
import { runWorker } from '../lib/platform/workers/run-worker';

const NAME = 'sales-notification-worker';
const cfg = notifierConfig();
const log = (line: string) => console.log(`[${NAME}] ${line}`);

const notifiers: { inbox: Notifier; webhook?: Notifier } = { inbox: createNotifier(inboxTransport, cfg, log) };
if (cfg.webhookUrl) notifiers.webhook = createNotifier(webhookTransport(cfg.webhookUrl), cfg, log);
log(`delivering to ${cfg.webhookUrl ? `webhook ${cfg.webhookUrl}` : 'the in-app inbox'} (timeout ${cfg.timeoutMs} ms, ${cfg.retries} retries, circuit opens after ${cfg.breakerFailures} failures)`);
const db = createDb(undefined, 2);
// Delivery starts before the consumer joins its group (which can take a session timeout after a crash):
// what is already pending in the database does not wait for Kafka.
const loop = startDeliveryLoop({ db, cfg, notifiers, log });
// Closers run newest first: the consumer stops, then the delivery in flight finishes, then the pool closes.
const life = workerLifecycle(NAME); // runWorker adds its closers to the same lifecycle, after these
life.onShutdown(() => db.$disconnect());
life.onShutdown(() => loop.stop());
await runWorker({ name: NAME, topics: [TOPICS.projects], handlers: notificationHandlers(channelOf(cfg)) });

// A line a minute while something happens, so an operator can see an outage and its recovery in the log.
const summary = () =>
  Object.values(notifiers)
    .map((n) => `${n.channel}: ${n.stats.delivered} delivered, ${n.stats.failed} failed, ${n.stats.shortCircuited} held by open circuit, circuit ${n.state()}`)
    .join('; ');
let last = summary();
setInterval(() => {
  const now = summary();
  if (now !== last) log(now);
  last = now;
}, 60_000).unref();
