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
 */
import { randomUUID } from 'node:crypto';
import type { Message, Producer } from 'kafkajs';
import type { Db } from '../../platform/db';
import { OrderPlaced, ProductListed, UserRegistered } from '../../platform/events/commerce';
import { createEnvelope, type EventDefinition } from '../../platform/events/envelope';
import { activeScenario, getGeneratorControl, kstHour, type ActiveScenario, type GeneratorControlRow } from './control';
import { HotPool, poolCounters, type PoolMode } from './hot-pool';
import { nextBurst, type Pace } from './model/pace';
import { newProductGapMs } from './model/product';
import { mulberry32, type Rng } from './model/rng';
import { scenarioById } from './model/scenarios';
import { newUserSchedule, userId, userSeq } from './model/user';
import { realClock, Shop } from './shop';
import { PromoBehaviourModel, type RunningPromotion } from './model/promo-behaviour';
import { PurchaseRecords } from './model/purchase';
import { runningPromotions } from '../../promotions/catalogue/running';
import { TOPICS } from '../../platform/events/topics';
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
  const counters: GeneratorCounters = { carts: 0, lines: 0, users: 0, products: 0, skipped: 0, sends: 0, sendErrors: 0, views: 0, clicks: 0, clickDrivenPurchases: 0 };
  const promo = new PromoBehaviourModel<(typeof pool.users)[number]>(rng);
  const purchases = new PurchaseRecords(rng);
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
  const send = async (messages: { orders: Message[]; users: Message[]; products: Message[]; purchases: Message[]; behaviours: Message[] }, tally: Partial<GeneratorCounters>, truth: Truth[] = []) => {
    const topicMessages = [
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

  const tick = async () => {
    const now = Date.now();
    if (!control.running) {
      nextBurstAt = now;
      pending = 0;
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
    const tally = { carts: 0, lines: 0, users: 0, products: 0 };
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
          tally.lines += order.lines.length;
        }
        tally.carts += take;
        pending -= take;
      }
    }
    lastTickAt = now;
    Object.assign(counters, promo.counts);
    if (orders.length || users.length || products.length) {
      const p = send({ orders, users, products, purchases: purchaseMessages, behaviours }, tally, truth).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
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
      `${counters.skipped} skipped, pool queries/cart ${(poolCounters.queries / Math.max(1, poolCounters.carts)).toFixed(4)}`);
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
