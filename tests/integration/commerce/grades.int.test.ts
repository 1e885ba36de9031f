import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/platform/db';
import { decodeEvent } from '@/lib/platform/events/catalog';
import { GRADES, type Grade } from '@/lib/commerce/catalogue/categories';
import { gradeReason } from '@/lib/commerce/grades/rules';
import { runGradePass } from '@/lib/commerce/grades/run-grade-pass';

const DAY = 24 * 3600_000;
let nextUser = Math.floor(Math.random() * 90_000_000) + 5_000_000;

/** A shop user straight in the table, at the grade given (and counted in CommerceGradeCount, as the sink does). */
async function makeUser(grade: Grade = 'BRONZE'): Promise<string> {
  const id = `U_${String(nextUser++).padStart(8, '0')}`;
  await db.shopUser.create({
    data: {
      id, name: '김테스트', gender: 'F', age: 34, birthYear: 1992, province: '서울', district: '강남구', street: '테헤란로 1',
      email: `${id.toLowerCase()}@example.com`, phone: '010-1234-5678', grade, marketingConsent: true, createdAt: new Date('2024-01-01Z'), randomSeed: 0.5,
    },
  });
  await db.$executeRaw`INSERT INTO "CommerceGradeCount" (grade, users) VALUES (${grade}::"Grade", 1)
    ON CONFLICT (grade) DO UPDATE SET users = "CommerceGradeCount".users + 1`;
  return id;
}

/** `count` orders of `total` KRW each, spread over the days before `before` (day 1..count). */
async function addOrders(userId: string, count: number, total: number, before: Date, spacingMs = DAY / 2) {
  await db.shopOrder.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      id: randomUUID(), userId, orderedAt: new Date(before.getTime() - (i + 1) * spacingMs), paymentMethod: 'Card' as const,
      subtotal: total, shippingFee: 0, discount: 0, total, lineCount: 3, itemCount: 3, scenarioId: 0,
      buyerProvince: '서울', buyerGender: 'F' as const, buyerAge: 34,
    })),
  });
}

const gradesOf = async (ids: string[]) =>
  Object.fromEntries((await db.shopUser.findMany({ where: { id: { in: ids } }, select: { id: true, grade: true } })).map((u) => [u.id, u.grade]));
const changesOf = (ids: string[]) => db.gradeChange.findMany({ where: { userId: { in: ids } }, orderBy: { id: 'asc' } });

/** Each test its own reference time, far from the others, so their orders never share a window. */
let clock = new Date('2031-01-01T00:00:00Z').getTime();
const nextAsOf = () => new Date((clock += 1000 * DAY));

afterAll(() => db.$disconnect());

describe('grade pass', () => {
  it('needs both the amount and the order count (orders, not lines)', async () => {
    const asOf = nextAsOf();
    const [vip, manySmall, fewBig, gold, silver, bronze] = await Promise.all([0, 1, 2, 3, 4, 5].map(() => makeUser()));
    await addOrders(vip!, 30, 170_000, asOf); // 30 orders, 5,100,000
    await addOrders(manySmall!, 40, 100_000, asOf); // 40 orders but 4,000,000 -> GOLD
    await addOrders(fewBig!, 29, 1_000_000, asOf); // 29,000,000 but 29 orders -> GOLD
    await addOrders(gold!, 15, 140_000, asOf); // 2,100,000 / 15
    await addOrders(silver!, 5, 100_000, asOf); // exactly the SILVER bounds
    await addOrders(bronze!, 4, 2_000_000, asOf); // amount enough for GOLD, only 4 orders (12 lines)
    const r = await runGradePass(db, { asOf });
    expect(await gradesOf([vip!, manySmall!, fewBig!, gold!, silver!, bronze!])).toEqual({
      [vip!]: 'VIP', [manySmall!]: 'GOLD', [fewBig!]: 'GOLD', [gold!]: 'GOLD', [silver!]: 'SILVER', [bronze!]: 'BRONZE',
    });
    expect(r.changed).toBeGreaterThanOrEqual(5);
    const [c] = await changesOf([vip!]);
    expect(c).toMatchObject({ from: 'BRONZE', to: 'VIP', asOf, at: asOf, reason: gradeReason({ asOf, orders: 30, amount: 5_100_000, to: 'VIP' }) });
  });

  it('ignores orders outside [asOf - 180 days, asOf), also those after asOf', async () => {
    const asOf = nextAsOf();
    const u = await makeUser();
    await addOrders(u, 4, 200_000, asOf); // inside
    await addOrders(u, 10, 200_000, new Date(asOf.getTime() - 180 * DAY)); // before the window (the first one exactly 180 days + 12 h)
    await addOrders(u, 10, 200_000, new Date(asOf.getTime() + 20 * DAY)); // after asOf
    await addOrders(u, 1, 200_000, new Date(asOf.getTime() + 1), 1); // exactly at asOf: excluded
    await runGradePass(db, { asOf });
    expect((await gradesOf([u]))[u]).toBe('BRONZE');
    await addOrders(u, 1, 200_000, new Date(asOf.getTime() - 180 * DAY + 1), 1); // exactly asOf - 180 days: included
    await runGradePass(db, { asOf });
    expect((await gradesOf([u]))[u]).toBe('SILVER');
  });

  it('run twice on the same data gives the same grades and no new history', async () => {
    const asOf = nextAsOf();
    const ids = await Promise.all([0, 1, 2].map(() => makeUser()));
    await addOrders(ids[0]!, 35, 200_000, asOf);
    await addOrders(ids[1]!, 20, 150_000, asOf);
    await addOrders(ids[2]!, 6, 100_000, asOf);
    await runGradePass(db, { asOf });
    const first = await gradesOf(ids);
    const history = await changesOf(ids);
    expect(history).toHaveLength(3);
    await runGradePass(db, { asOf });
    expect(await gradesOf(ids)).toEqual(first);
    expect(await changesOf(ids)).toHaveLength(3);
  });

  it('promotes BRONZE to VIP in one run, and a VIP with no recent orders drops one step per run', async () => {
    const asOf = nextAsOf();
    const rising = await makeUser('BRONZE');
    const idle = await makeUser('VIP');
    await addOrders(rising, 40, 150_000, asOf);
    await addOrders(idle, 50, 500_000, new Date(asOf.getTime() - 200 * DAY)); // all before the window
    const seen: string[] = [];
    for (let run = 0; run < 4; run++) {
      const r = await runGradePass(db, { asOf: new Date(asOf.getTime() + run * 600_000) });
      expect(r.ms).toBeGreaterThanOrEqual(0);
      const g = await gradesOf([rising, idle]);
      seen.push(g[idle]!);
      expect(g[rising]).toBe('VIP');
    }
    expect(seen).toEqual(['GOLD', 'SILVER', 'BRONZE', 'BRONZE']);
    const history = await changesOf([rising, idle]);
    expect(history.map((c) => `${c.userId === rising ? 'rising' : 'idle'} ${c.from}->${c.to}`).sort()).toEqual([
      'idle GOLD->SILVER', 'idle SILVER->BRONZE', 'idle VIP->GOLD', 'rising BRONZE->VIP',
    ]);
    expect(history.find((c) => c.to === 'GOLD')!.reason).toMatch(/: 0 orders, ₩0 → BRONZE; demoted one step per run, to GOLD$/);
  });

  it('emits one CustomerGradeChanged per change through the outbox, decodable, one correlation id per pass', async () => {
    const asOf = nextAsOf();
    const [a, b] = await Promise.all([makeUser(), makeUser('GOLD')]);
    await addOrders(a!, 31, 180_000, asOf);
    const r = await runGradePass(db, { asOf, reason: 'integration test' });
    const rows = await db.outboxEvent.findMany({ where: { key: { in: [a!, b!] } }, orderBy: { id: 'asc' } });
    expect(rows).toHaveLength(2);
    const decoded = rows.map((row) => decodeEvent(JSON.stringify(row.envelope)));
    for (const d of decoded) if (!d.ok) throw new Error(d.reason);
    const events = decoded.map((d) => (d.ok ? d.event : null)!);
    expect(events.every((e) => e.type === 'CustomerGradeChanged' && e.correlationId === r.correlationId && e.causationId === null)).toBe(true);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(2);
    expect(rows.map((row) => row.eventId)).toEqual(events.map((e) => e.eventId));
    const byUser = Object.fromEntries(events.map((e) => [(e.payload as { userId: string }).userId, e]));
    expect(byUser[a!]!.payload).toEqual({
      userId: a, from: 'BRONZE', to: 'VIP', asOf: asOf.toISOString(), orders: 31, amount: 5_580_000,
      reason: gradeReason({ asOf, orders: 31, amount: 5_580_000, to: 'VIP', note: 'integration test' }),
    });
    expect(byUser[b!]!.payload).toMatchObject({ from: 'GOLD', to: 'SILVER', orders: 0, amount: 0 });
    expect(rows[0]!.topic).toMatch(/commerce\.users$/);
    expect(byUser[a!]!.occurredAt).toBe(asOf.toISOString());
  });

  it('keeps CommerceGradeCount in step with ShopUser', async () => {
    const actual = async () => {
      const rows = await db.shopUser.groupBy({ by: ['grade'], _count: { _all: true } });
      return Object.fromEntries(GRADES.map((g) => [g, rows.find((r) => r.grade === g)?._count._all ?? 0]));
    };
    const counted = async () => {
      const rows = await db.commerceGradeCount.findMany();
      return Object.fromEntries(GRADES.map((g) => [g, rows.find((r) => r.grade === g)?.users ?? 0]));
    };
    // Other files may leave users the counters never saw: compare what the passes change, not absolute numbers.
    const offset = (x: Record<string, number>, y: Record<string, number>) => Object.fromEntries(GRADES.map((g) => [g, x[g]! - y[g]!]));
    const before = offset(await actual(), await counted());
    const asOf = nextAsOf();
    const ids = await Promise.all([0, 1, 2, 3].map((i) => makeUser(GRADES[i]!)));
    await addOrders(ids[0]!, 40, 300_000, asOf);
    await addOrders(ids[1]!, 16, 200_000, asOf);
    const r1 = await runGradePass(db, { asOf });
    const r2 = await runGradePass(db, { asOf });
    expect(r1.changed + r2.changed).toBeGreaterThan(0);
    expect(offset(await actual(), await counted())).toEqual(before);
  });
});

describe('grade pass under concurrency', () => {
  it('two passes at once change each user once, and history, events and counters agree', async () => {
    const asOf = nextAsOf();
    const ids = await Promise.all([0, 1, 2].map(() => makeUser('SILVER')));
    await addOrders(ids[0]!, 40, 200_000, asOf);
    const countsBefore = await db.commerceGradeCount.findMany({ orderBy: { grade: 'asc' } });
    const lastChange = (await db.gradeChange.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    const [r1, r2] = await Promise.all([runGradePass(db, { asOf }), runGradePass(db, { asOf })]);
    expect(r1.correlationId).not.toBe(r2.correlationId);
    expect(await gradesOf(ids)).toEqual({ [ids[0]!]: 'VIP', [ids[1]!]: 'BRONZE', [ids[2]!]: 'BRONZE' });
    expect(await changesOf(ids)).toHaveLength(3);
    expect(await db.outboxEvent.count({ where: { key: { in: ids } } })).toBe(3);
    const countsAfter = await db.commerceGradeCount.findMany({ orderBy: { grade: 'asc' } });
    const delta = (g: Grade) => (countsAfter.find((c) => c.grade === g)?.users ?? 0) - (countsBefore.find((c) => c.grade === g)?.users ?? 0);
    // every user the two passes moved (ours and any other file's) is in the history they wrote
    const moves = await db.gradeChange.findMany({ where: { id: { gt: lastChange } } });
    for (const g of GRADES) expect(delta(g)).toBe(moves.filter((m) => m.to === g).length - moves.filter((m) => m.from === g).length);
    expect(delta('SILVER')).toBeLessThanOrEqual(-3);
  });

  it('waits for an order sink holding a user, then keeps its lastOrderedAt', async () => {
    const asOf = nextAsOf();
    const u = await makeUser();
    await addOrders(u, 6, 100_000, asOf);
    const lastOrderedAt = new Date(asOf.getTime() - 3600_000);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const holding = new Promise<void>((r) => (locked = r));
    const sink = db.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE "ShopUser" SET "lastOrderedAt" = ${lastOrderedAt} WHERE id = ${u}`;
      locked();
      await gate;
    }, { timeout: 30_000 });
    await holding;
    let passDone = false;
    const pass = runGradePass(db, { asOf }).then((r) => ((passDone = true), r));
    await new Promise((r) => setTimeout(r, 700));
    expect(passDone).toBe(false); // blocked on the sink's row lock
    release();
    await sink;
    await pass;
    const row = await db.shopUser.findUniqueOrThrow({ where: { id: u } });
    expect(row.grade).toBe('SILVER');
    expect(row.lastOrderedAt).toEqual(lastOrderedAt);
  });
});

describe('commerce-grade-updater worker', () => {
  it('says ready, runs a pass at start with now as the reference time, beats and stops cleanly', async () => {
    const u = await makeUser();
    await addOrders(u, 6, 100_000, new Date());
    const { spawnWorker, waitFor } = await import('../helpers');
    const w = spawnWorker('commerce-grade-updater');
    try {
      await w.ready;
      await waitFor(async () => (await gradesOf([u]))[u] === 'SILVER', 20_000, 'the first pass');
      await waitFor(() => db.workerHeartbeat.findFirst({ where: { worker: 'commerce-grade-updater', status: 'running' } }), 20_000, 'a heartbeat');
      await waitFor(async () => /\[commerce-grade-updater\] pass as of .*users assessed/.test(w.output.join('')), 5_000, 'the pass logged');
    } finally {
      expect(await w.stop()).toBe(0);
    }
  });
});
