/**
 * The live shop generator (workers/commerce-generator.ts): a Shop on the real
 * clock with a HotPool, publishing straight to Kafka (the shop is the source
 * system, so there is no outbox: nothing of ours changed state before these events).
 *
 * Every ~25 ms the loop turns due bursts (model/pace.ts) into carts, adds the users
 * due by the decay curve and a product every 6-8 s, and sends them all with one
 * sendBatch (acks -1), several batches in flight at high rates. Every second it
 * reads GeneratorControl (pause, rate, scenario) and writes GeneratorStatus.
 *
 * Rate: staff's GeneratorControl.rate if set, else COMMERCE_RATE (carts/s, for
 * load), else the seed's pace. The scenario: staff's until scenarioUntil, else the
 * one of the Korea-time hour.
 *
 * Each cart is also paid (seed 004, topic `payment`, model/payment.ts): its payment events go in the cart's batch,
 * their follow-ups in a later tick's when due. At the end of each PAYMENT_BATCH_MS of wall time (a minute) a FINISH
 * marker goes to every partition of `payment`, after the follow-ups due before it and before the carts after it:
 * the settlement worker closes a batch per partition on it. These flow while staff pause the shop (the gateway does
 * not stop with it). The payment mix comes from PAYMENT_*_SHARE (paymentMixFromEnv).
 */
import { randomUUID } from 'node:crypto';
import type { Kafka, Message, Producer } from 'kafkajs';
import type { Db } from '../../platform/db';
import { OrderPlaced, ProductListed, UserRegistered } from '../../platform/events/commerce';
import { createEnvelope, type EventDefinition } from '../../platform/events/envelope';
import { activeScenario, getGeneratorControl, kstHour, type ActiveScenario, type GeneratorControlRow } from './control';
import { HotPool, poolCounters, type PoolMode } from './hot-pool';
import { nextBurst, type Pace } from './model/pace';
import { newProductGapMs } from './model/product';
import { childSeed, mulberry32, type Rng } from './model/rng';
import { scenarioById } from './model/scenarios';
import { newUserSchedule, userId, userSeq } from './model/user';
import { realClock, Shop } from './shop';
import { PromoBehaviourModel, type RunningPromotion } from './model/promo-behaviour';
import { PurchaseRecords } from './model/purchase';
import { PaymentEvents, type PaymentMix } from './model/payment';
import { PAYMENT_RECORD, type PaymentMessage } from '../../platform/events/settlement';
import { runningPromotions } from '../../promotions/catalogue/running';
import { TOPIC_SPECS, TOPICS } from '../../platform/events/topics';
import { kstIso } from '../../platform/time/kst';

export interface GeneratorOptions {
  db: Db;
  producer: Producer;
  name?: string;
  /** COMMERCE_RATE: carts per second when staff set no rate; null = the seed's pace */
  envRate?: number | null;
  poolMode?: PoolMode;
  /** RNG seed (random if not given) */
  seed?: number;
  tickMs?: number;
  /** most carts per Kafka request */
  maxCartsPerSend?: number;
  maxInFlight?: number;
  /** the payment mix; default: DEFAULT_PAYMENT_MIX with the env's PAYMENT_*_SHARE overrides */
  paymentMix?: Partial<PaymentMix>;
  /** PAYMENT_BATCH_MS: wall time between FINISH markers on `payment` (default a minute) */
  paymentBatchMs?: number;
  /** partitions of `payment` (paymentPartitions(kafka) reads them from the broker); default: the topic spec's */
  paymentPartitions?: number;
}

export interface GeneratorCounters {
  carts: number;
  lines: number;
  users: number;
  products: number;
  /** carts that fell due but were skipped because the generator could not keep up (more than 2 s behind) */
  skipped: number;
  sends: number;
  sendErrors: number;
  /** promotion behaviour (seed 001): views, clicks, and carts bought by a user a click brought back (the ground truth) */
  views: number;
  clicks: number;
  clickDrivenPurchases: number;
  /** payment events sent on `payment` (approvals, duplicates, follow-ups), and FINISH markers (one per partition per batch) */
  payments: number;
  finishMarkers: number;
}

export interface Generator {
  counters: GeneratorCounters;
  pool: HotPool;
  shop: Shop;
  /** the state of the last control poll */
  state(): { running: boolean; pace: Pace; scenario: ActiveScenario };
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function message<T extends string, P>(def: EventDefinition<T, P>, payload: P, at: Date): Message {
  const env = createEnvelope(def, payload, { correlationId: randomUUID(), occurredAt: at });
  return { key: def.key(payload), value: JSON.stringify(env), headers: { type: def.type } };
}

const PAYMENT_MIX_ENV: Record<keyof PaymentMix, string> = {
  duplicate: 'PAYMENT_DUPLICATE_SHARE', test: 'PAYMENT_TEST_SHARE', nonSettlement: 'PAYMENT_NON_SETTLEMENT_SHARE',
  networkCancel: 'PAYMENT_NETWORK_CANCEL_SHARE', unconfirmed: 'PAYMENT_UNCONFIRMED_SHARE', confirmed: 'PAYMENT_CONFIRMED_SHARE',
  cancel: 'PAYMENT_CANCEL_SHARE', offline: 'PAYMENT_OFFLINE_SHARE', point: 'PAYMENT_POINT_SHARE',
};

/** The shares the env sets (PAYMENT_CANCEL_SHARE=0.1, ...); PaymentEvents refuses one outside [0, 1]. */
export function paymentMixFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<PaymentMix> {
  const mix: Partial<PaymentMix> = {};
  for (const [k, name] of Object.entries(PAYMENT_MIX_ENV) as [keyof PaymentMix, string][]) if (env[name]) mix[k] = Number(env[name]);
  return mix;
}

/** The partition count of `payment` as the broker has it (FINISH markers must reach every partition). */
export async function paymentPartitions(kafka: Kafka): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { topics } = await admin.fetchTopicMetadata({ topics: [TOPICS.payment] });
    return topics[0]!.partitions.length;
  } finally {
    await admin.disconnect();
  }
}

const FINISH: PaymentMessage = { channel: 'ONLINE', action: 'FINISH', data: null };
const paymentMessageOut = (m: PaymentMessage): Message => ({ key: PAYMENT_RECORD.key(m), value: JSON.stringify(m) });

async function nextUserSeqFrom(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ max: string | null }[]>`SELECT max(id) AS max FROM "ShopUser"`;
  return row?.max ? userSeq(row.max) + 1 : 1;
}

export async function startGenerator(o: GeneratorOptions): Promise<Generator> {
  const { db, producer, name = 'commerce-generator', tickMs = 25, maxCartsPerSend = 500, maxInFlight = 3 } = o;
  const rng: Rng = mulberry32(o.seed ?? Math.floor(Math.random() * 2 ** 32));
  const pool = new HotPool(db, rng, o.poolMode ?? 'pool');
  await pool.loadProductIds();
  await pool.refresh();
  // User ids go on from the highest in PostgreSQL. A restart within a second or so of publishing a user the
  // users sink has not written yet would hand that id out again (the sink keeps the first): a known gap.
  const shop = new Shop({ rng, clock: realClock, pool, nextUserSeq: await nextUserSeqFrom(db) });
  const counters: GeneratorCounters = { carts: 0, lines: 0, users: 0, products: 0, skipped: 0, sends: 0, sendErrors: 0, views: 0, clicks: 0, clickDrivenPurchases: 0, payments: 0, finishMarkers: 0 };
  const promo = new PromoBehaviourModel<(typeof pool.users)[number]>(rng);
  const purchases = new PurchaseRecords(rng);
  const payments = new PaymentEvents(mulberry32(childSeed(rng)), o.paymentMix ?? paymentMixFromEnv());
  const paymentBatchMs = o.paymentBatchMs ?? (Number(process.env.PAYMENT_BATCH_MS) || 60_000);
  const partitionCount = o.paymentPartitions ?? TOPIC_SPECS.find((t) => t.topic === TOPICS.payment)!.numPartitions;
  let batchEndsAt = (Math.floor(Date.now() / paymentBatchMs) + 1) * paymentBatchMs;
  /** The follow-ups due by now and, past a batch's end, its FINISH markers (after the follow-ups due before it). */
  const paymentsDue = (now: number) => {
    const out: Message[] = [];
    let finishMarkers = 0;
    if (now >= batchEndsAt) {
      for (const m of payments.due(batchEndsAt - 1)) out.push(paymentMessageOut(m));
      for (let partition = 0; partition < partitionCount; partition++) out.push({ ...paymentMessageOut(FINISH), partition });
      finishMarkers = partitionCount;
      batchEndsAt = (Math.floor(now / paymentBatchMs) + 1) * paymentBatchMs;
    }
    for (const m of payments.due(now)) out.push(paymentMessageOut(m));
    return { out, tally: { payments: out.length - finishMarkers, finishMarkers } };
  };
  let promotions: RunningPromotion[] = await runningPromotions(db, new Date());
  let lastTickAt = Date.now();
  // COMMERCE_GROUND_TRUTH=1 (tests): the click-driven purchases are written to PromoGroundTruth once sent
  const recordTruth = process.env.COMMERCE_GROUND_TRUTH === '1';
  const reported = { ...counters };

  let control: GeneratorControlRow = await getGeneratorControl(db);
  const paceOf = (c: GeneratorControlRow): Pace => {
    const rate = c.rate ?? o.envRate ?? null;
    return rate ? { kind: 'rate', cartsPerSecond: rate } : { kind: 'seed' };
  };
  let pace = paceOf(control);
  let scenario = activeScenario(control, new Date());
  const startedAt = Date.now();
  let nextBurstAt = Date.now();
  let nextUsersAt = Date.now();
  let nextProductAt = Date.now() + newProductGapMs(rng);
  let pending = 0;
  let stopping = false;
  let warnedEmpty = false;
  const inFlight = new Set<Promise<void>>();

  const poll = async () => {
    try {
      promotions = await runningPromotions(db, new Date());
      control = await getGeneratorControl(db);
      const now = new Date();
      const s = activeScenario(control, now);
      const p = paceOf(control);
      // A new scenario or rate starts at once instead of after the old one's gap (up to 30 s at the seed's pace).
      if (s.id !== scenario.id || JSON.stringify(p) !== JSON.stringify(pace)) {
        console.log(`[${name}] scenario ${s.id} ${s.name} (${s.mode}), ${p.kind === 'rate' ? `${p.cartsPerSecond} carts/s` : "seed's pace"}`);
        nextBurstAt = Date.now();
        pending = 0;
      }
      scenario = s;
      pace = p;
    } catch (e) {
      console.error(`[${name}] reading GeneratorControl failed (keeping the last): ${(e as Error).message}`);
    }
  };

  const report = async () => {
    const delta = Object.fromEntries(Object.entries(counters).map(([k, v]) => [k, v - reported[k as keyof GeneratorCounters]])) as unknown as GeneratorCounters;
    const c = pool.composition();
    const row = {
      running: control.running,
      rate: pace.kind === 'rate' ? pace.cartsPerSecond : null,
      scenarioId: scenario.id,
      scenarioMode: scenario.mode,
      scenarioEndsAt: scenario.until,
      poolPurchased: c.purchased,
      poolNeverPurchased: c.neverPurchased,
      poolPopular: c.popular,
      poolNew: c.new,
      poolRefreshedAt: pool.refreshedAt,
      reportedAt: new Date(),
    };
    try {
      await db.generatorStatus.upsert({
        where: { id: 1 },
        create: { id: 1, ...row, cartsProduced: delta.carts, linesProduced: delta.lines, usersProduced: delta.users, productsProduced: delta.products },
        update: {
          ...row,
          cartsProduced: { increment: delta.carts },
          linesProduced: { increment: delta.lines },
          usersProduced: { increment: delta.users },
          productsProduced: { increment: delta.products },
        },
      });
      Object.assign(reported, { carts: reported.carts + delta.carts, lines: reported.lines + delta.lines, users: reported.users + delta.users, products: reported.products + delta.products });
    } catch (e) {
      console.error(`[${name}] writing GeneratorStatus failed (will retry): ${(e as Error).message}`);
    }
  };

  type Truth = { purchaseId: string; userId: string; clickAt: Date };
  const send = async (messages: { orders: Message[]; users: Message[]; products: Message[]; purchases: Message[]; behaviours: Message[]; payments: Message[] }, tally: Partial<GeneratorCounters>, truth: Truth[] = []) => {
    const topicMessages = [
      { topic: TOPICS.payment, messages: messages.payments },
      { topic: OrderPlaced.topic, messages: messages.orders },
      { topic: TOPICS.purchase, messages: messages.purchases },
      { topic: TOPICS.promoBehavior, messages: messages.behaviours },
      { topic: UserRegistered.topic, messages: messages.users },
      { topic: ProductListed.topic, messages: messages.products },
    ].filter((t) => t.messages.length);
    // The shop is the source of these events: a batch is retried until Kafka takes it (or the generator stops).
    for (let attempt = 0; ; attempt++) {
      try {
        await producer.sendBatch({ topicMessages, acks: -1 });
        if (truth.length) await db.promoGroundTruth.createMany({ data: truth, skipDuplicates: true }).catch((e: Error) => console.error(`[${name}] ground truth not written: ${e.message}`));
        counters.sends++;
        for (const [k, v] of Object.entries(tally)) counters[k as keyof GeneratorCounters] += v;
        return;
      } catch (e) {
        counters.sendErrors++;
        console.error(`[${name}] send failed (attempt ${attempt + 1}): ${(e as Error).message}`);
        if (stopping && attempt >= 2) return;
        await sleep(Math.min(5_000, 200 * 2 ** attempt));
      }
    }
  };

  const flight = async (p: Promise<void>) => {
    const tracked = p.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
  };

  const tick = async () => {
    const now = Date.now();
    const due = paymentsDue(now);
    if (!control.running) {
      nextBurstAt = now;
      pending = 0;
      if (due.out.length) await flight(send({ orders: [], users: [], products: [], purchases: [], behaviours: [], payments: due.out }, due.tally));
      return tickMs * 4;
    }
    const s = scenarioById(scenario.id);
    const hour = kstHour(new Date(now));
    while (nextBurstAt <= now) {
      const b = nextBurst(rng, s, pace, hour);
      pending += b.carts;
      nextBurstAt += b.gapMs;
    }
    // More than ~2 s behind: skip what cannot be made in time rather than build an ever-longer queue.
    const cap = Math.max(2_000, pace.kind === 'rate' ? pace.cartsPerSecond * 2 : 0);
    if (pending > cap) {
      counters.skipped += pending - cap;
      pending = cap;
    }
    const orders: Message[] = [];
    const users: Message[] = [];
    const products: Message[] = [];
    const purchaseMessages: Message[] = [];
    const truth: Truth[] = [];
    const behaviours: Message[] = [];
    const paymentMessages = due.out;
    const tally = { carts: 0, lines: 0, users: 0, products: 0, ...due.tally };
    if (now >= nextUsersAt) {
      const sched = newUserSchedule((now - startedAt) / 3_600_000);
      for (const u of shop.signUp(sched.batch)) users.push(message(UserRegistered, u, new Date(u.createdAt)));
      tally.users += sched.batch;
      nextUsersAt = now + sched.intervalMs;
    }
    if (now >= nextProductAt) {
      const p = shop.listProduct();
      products.push(message(ProductListed, p, new Date(p.createdAt)));
      tally.products++;
      nextProductAt = now + newProductGapMs(rng);
    }
    // Without the pool every cart waits for its lookups: keep ticks short so shutdown and users/products stay timely.
    const take = Math.min(pending, pool.mode === 'none' ? 20 : maxCartsPerSend);
    if (take > 0) {
      if (!pool.users.length || !pool.products.length) {
        if (!warnedEmpty) console.error(`[${name}] the pool has ${pool.users.length} users and ${pool.products.length} products: no carts until both have some`);
        warnedEmpty = true;
        pending = 0;
        if (pool.mode === 'pool') await pool.beforeCarts(0);
      } else {
        warnedEmpty = false;
        if (pool.mode === 'pool') await pool.beforeCarts(take);
        // Promotion views and clicks since the last tick, in proportion to the carts (model/promo-behaviour.ts).
        const anyUser = () => userId(1 + Math.floor(rng() * Math.max(1, shop.nextUserSeq - 1)));
        for (const b of promo.browse(pool.users, promotions, take, new Date(now), Math.max(1, now - lastTickAt), anyUser)) {
          const record = { eventId: randomUUID(), userId: b.userId, promotionId: b.promotionId, action: b.action, occurredAt: kstIso(b.at) };
          behaviours.push({ key: b.userId, value: JSON.stringify(record) });
        }
        for (let i = 0; i < take; i++) {
          if (pool.mode === 'none') await pool.beforeCarts(1);
          const clicked = promo.clickedBuyer(new Date());
          const order = shop.checkout(s, hour, clicked ?? undefined);
          if (clicked && recordTruth) truth.push({ purchaseId: order.orderId, userId: order.userId, clickAt: new Date(promo.lastClickAt!) });
          orders.push(message(OrderPlaced, order, new Date(order.orderedAt)));
          purchaseMessages.push({ key: order.userId, value: JSON.stringify(purchases.of(order)) });
          for (const m of payments.of(order)) paymentMessages.push(paymentMessageOut(m));
          tally.lines += order.lines.length;
        }
        tally.carts += take;
        pending -= take;
      }
    }
    lastTickAt = now;
    Object.assign(counters, promo.counts);
    tally.payments = paymentMessages.length - tally.finishMarkers;
    if (orders.length || users.length || products.length || paymentMessages.length) {
      await flight(send({ orders, users, products, purchases: purchaseMessages, behaviours, payments: paymentMessages }, tally, truth));
    }
    if (pending > 0) return 0;
    return Math.max(1, Math.min(tickMs, nextBurstAt - Date.now()));
  };

  const pollTimer = setInterval(() => void poll(), 1_000);
  const reportTimer = setInterval(() => void report(), 1_000);
  let lastLog = { at: Date.now(), carts: 0, lines: 0 };
  const logTimer = setInterval(() => {
    const secs = (Date.now() - lastLog.at) / 1000;
    console.log(`[${name}] ${counters.carts - lastLog.carts} carts, ${counters.lines - lastLog.lines} lines in ${Math.round(secs)} s ` +
      `(${((counters.carts - lastLog.carts) / secs).toFixed(1)} carts/s), scenario ${scenario.id}, ${counters.users} users and ${counters.products} products listed, ` +
      `${counters.skipped} skipped, ${counters.payments} payments and ${counters.finishMarkers} FINISH markers, pool queries/cart ${(poolCounters.queries / Math.max(1, poolCounters.carts)).toFixed(4)}`);
    lastLog = { at: Date.now(), carts: counters.carts, lines: counters.lines };
  }, 60_000);
  await report();

  const loop = (async () => {
    while (!stopping) {
      try {
        const wait = await tick();
        await (wait > 0 ? sleep(wait) : new Promise((r) => setImmediate(r)));
      } catch (e) {
        console.error(`[${name}] tick failed: ${(e as Error).stack}`);
        await sleep(1_000);
      }
    }
  })();

  return {
    counters,
    pool,
    shop,
    state: () => ({ running: control.running, pace, scenario }),
    stop: async () => {
      stopping = true;
      clearInterval(pollTimer);
      clearInterval(reportTimer);
      clearInterval(logTimer);
      await loop;
      await Promise.allSettled(inFlight);
      control = { ...control, running: false };
      await report();
    },
  };
}
