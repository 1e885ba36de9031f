// Settlement (seed 004): payments on `payment` -> one settlement base per payment event with its classification
// -> statistics per approval day x merchant x action x method, upserted and published on `payment-statistics`,
// exactly once (lib/settlement/worker/settler.ts). Replicas share the partitions.
//   SETTLEMENT_DEFAULT_FEE_BP      fee of the default rule, in basis points (default 300 = 3 %)
//   SETTLEMENT_DEFAULT_PAYOUT_DAYS payout of the default rule, in business days (default 3)
//   UNCONFIRMED_EXPIRY_HOURS       event time after which an unconfirmed approval is excluded (default 24)
import { createDb } from '../lib/platform/db';
import { TOPIC_PREFIX } from '../lib/platform/events/topics';
import { createKafka } from '../lib/platform/kafka/client';
import { ConsumerHealth } from '../lib/platform/workers/consumer-health';
import { startHeartbeat } from '../lib/platform/workers/heartbeat';
import { workerLifecycle } from '../lib/platform/workers/lifecycle';
import { startSettler } from '../lib/settlement/worker/settler';

const NAME = 'settlement-worker';
const life = workerLifecycle(NAME);
const num = (name: string, fallback: number, ok: (n: number) => boolean) => {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(n) || !ok(n)) throw new Error(`${name} must be ${name.endsWith('_BP') ? 'basis points 0-10000' : 'a positive number'}, not "${raw}"`);
  return n;
};
const feeRateBp = num('SETTLEMENT_DEFAULT_FEE_BP', 300, (n) => Number.isInteger(n) && n >= 0 && n <= 10_000);
const payoutDays = num('SETTLEMENT_DEFAULT_PAYOUT_DAYS', 3, (n) => Number.isInteger(n) && n >= 0 && n <= 60);
const expiryHours = num('UNCONFIRMED_EXPIRY_HOURS', 24, (n) => n > 0);
const groupId = `${TOPIC_PREFIX}${NAME}`;

const db = createDb(undefined, 8);
life.onShutdown(() => db.$disconnect());
const health = new ConsumerHealth(groupId);
let counters: Record<string, number> = {};
const heartbeat = startHeartbeat({ db, worker: NAME, details: async () => ({ ...(await health.details()), ...counters, expiryHours }) });
life.onShutdown(() => heartbeat.stop());
const kafka = createKafka(NAME);
const producer = kafka.producer({ allowAutoTopicCreation: false });
await producer.connect();
life.onShutdown(() => producer.disconnect());

let announced = false;
const settler = await startSettler({
  kafka, db, producer, groupId, expiryMs: expiryHours * 3_600_000,
  defaultRule: { id: 'default', feeRateBp, payoutDays },
  log: (l) => console.log(`[${NAME}] ${l}`),
  onProgress: health.onProgress,
  beforeRun: (consumer) => {
    health.track(consumer, heartbeat);
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      const parts = Object.entries(payload.memberAssignment).map(([t, p]) => `${t}[${p.join(',')}]`);
      if (!announced) console.log(`[${NAME}] ready, group ${payload.groupId}, default rule ${feeRateBp} bp D+${payoutDays}, unconfirmed expire after ${expiryHours} h, assigned ${parts.join(' ') || 'nothing yet'}`);
      announced = true;
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => { if (!payload.restart) void life.shutdown(1, payload.error); });
  },
});
counters = settler.counters;
life.onShutdown(() => settler.stop());
