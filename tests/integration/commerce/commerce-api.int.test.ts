// The Commerce dashboard's JSON API and the customer's own orders, called directly as Next calls them,
// with next/headers' cookie jar mocked to hold a real session token (or none).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { switchScenarioAction, setGeneratorRateAction } from '@/app/actions/commerce';
import * as generatorRoute from '@/app/api/commerce/generator/route';
import * as liveRoute from '@/app/api/commerce/live/route';
import * as scenarioRoute from '@/app/api/commerce/scenario/route';
import * as summaryRoute from '@/app/api/commerce/summary/route';
import { getMyShop } from '@/lib/commerce/shop-account/my-orders';
import { db } from '@/lib/platform/db';
import { makeAccount, tokenFor } from '../accounts';
import { makeCustomer } from '../helpers';

const jar = vi.hoisted(() => ({ token: undefined as string | undefined }));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (name === 'sb_session' && jar.token ? { name, value: jar.token } : undefined),
    set: () => {},
    delete: () => {},
  }),
  headers: async () => new Headers(),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const tokens = {} as Record<'staff' | 'alice', string>;
const people = {} as Record<'alice' | 'bob' | 'carol' | 'dave', { id: string; name: string }>;
// Shop user ids of this file's own, outside the catalogue seed's U_00000001..U_00010000.
const suffix = String(Date.now()).slice(-7);
const shop = { alice: `U_8${suffix}`, bob: `U_9${suffix}`, missing: `U_7${suffix}` };
const productId = `P${randomUUID().slice(0, 8)}`;
let controlBefore: Awaited<ReturnType<typeof db.generatorControl.findUnique>>;

const as = (who: keyof typeof tokens | null) => {
  jar.token = who ? tokens[who] : undefined;
};
const post = (body: unknown) =>
  new Request('http://localhost/api', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const form = (values: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
};

async function makeShopUser(id: string, name: string) {
  await db.shopUser.create({
    data: {
      id, name, gender: 'F', age: 34, birthYear: 1992, province: '서울', district: '강남구', street: '테헤란로 1',
      email: `${id.toLowerCase()}@test.example`, phone: '010-0000-0000', marketingConsent: true, createdAt: new Date(), randomSeed: 0.5,
    },
  });
}

async function makeOrder(userId: string, orderedAt: Date, total: number) {
  const id = randomUUID();
  await db.shopOrder.create({
    data: {
      id, userId, orderedAt, paymentMethod: 'Card', subtotal: total, shippingFee: 0, discount: 0, total, lineCount: 1, itemCount: 1,
      scenarioId: 0, buyerProvince: '서울', buyerGender: 'F', buyerAge: 34,
      lines: { create: [{ lineNo: 1, productId, category: 'IT/게이밍', quantity: 1, unitPrice: total, amount: total }] },
    },
  });
  return id;
}

beforeAll(async () => {
  controlBefore = await db.generatorControl.findUnique({ where: { id: 1 } });
  const [alice, bob, carol, dave] = await Promise.all([makeCustomer(), makeCustomer(), makeCustomer(), makeCustomer()]);
  Object.assign(people, { alice, bob, carol, dave });
  const [staffAccount, aliceAccount, bobAccount, , daveAccount] = await Promise.all([
    makeAccount('staff'), makeAccount('customer', alice), makeAccount('customer', bob), makeAccount('customer', carol), makeAccount('customer', dave),
  ]);
  await db.account.update({ where: { id: aliceAccount.id }, data: { shopUserId: shop.alice } });
  await db.account.update({ where: { id: bobAccount.id }, data: { shopUserId: shop.bob } });
  await db.account.update({ where: { id: daveAccount.id }, data: { shopUserId: shop.missing } });
  Object.assign(tokens, { staff: await tokenFor(staffAccount.id), alice: await tokenFor(aliceAccount.id) });

  await Promise.all([makeShopUser(shop.alice, '김테스트'), makeShopUser(shop.bob, '이테스트')]);
  await db.product.create({
    data: { id: productId, category: 'IT/게이밍', name: '테스트 키보드', price: 100_000, listPrice: 100_000, discountRate: 0, description: '-', rating: 4.5, reviewCount: 1, stock: 10, createdAt: new Date() },
  });
});

afterAll(async () => {
  // Leave the generator as this file found it.
  if (controlBefore) {
    const { id: _id, ...rest } = controlBefore;
    await db.generatorControl.update({ where: { id: 1 }, data: rest });
  } else {
    await db.generatorControl.deleteMany({ where: { id: 1 } });
  }
});

describe('GET /api/commerce/summary', () => {
  it('gives staff the totals, grades, scenario and generator', async () => {
    as('staff');
    const res = await summaryRoute.GET();
    expect(res.status).toBe(200);
    const body = await res.json();
    for (const k of ['users', 'products', 'orders', 'orderLines', 'revenue']) expect(typeof body[k]).toBe('number');
    expect(Object.keys(body.grades).sort()).toEqual(['BRONZE', 'GOLD', 'SILVER', 'VIP']);
    for (const n of Object.values(body.grades)) expect(typeof n).toBe('number');
    expect(body.scenario).toEqual({ id: expect.any(Number), name: expect.any(String), endsAt: body.scenario.endsAt === null ? null : expect.any(String) });
    expect(body.generator).toEqual({ running: expect.any(Boolean), rate: body.generator.rate === null ? null : expect.any(Number) });
  });

  it('refuses a customer with 403 on every commerce route', async () => {
    as('alice');
    expect((await summaryRoute.GET()).status).toBe(403);
    expect((await liveRoute.GET()).status).toBe(403);
    expect((await scenarioRoute.POST(post({ id: 2 }))).status).toBe(403);
    expect((await generatorRoute.POST(post({ running: false }))).status).toBe(403);
    expect(await switchScenarioAction({}, form({ id: '2' }))).toMatchObject({ ok: false, message: /staff role/ });
  });
});

describe('POST /api/commerce/scenario and /generator', () => {
  it('refuses a bad scenario id with 400 and the reason', async () => {
    as('staff');
    for (const body of [{ id: 21 }, { id: -1 }, { id: 'two' }, { id: 1.5 }, {}]) {
      const res = await scenarioRoute.POST(post(body));
      expect(res.status, JSON.stringify(body)).toBe(400);
      const answer = await res.json();
      expect(answer).toMatchObject({ error: 'INVALID', message: expect.stringMatching(/scenario number from 0/), fieldErrors: expect.any(Object) });
    }
    const notJson = await scenarioRoute.POST(new Request('http://localhost/api', { method: 'POST', body: '{nope' }));
    expect(notJson.status).toBe(400);
  });

  it('switches to a scenario for its timer', async () => {
    as('staff');
    const res = await scenarioRoute.POST(post({ id: 2 }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ scenarioId: 2, name: '남성 IT/게이밍 폭주' });
    expect(new Date(body.until).getTime()).toBeGreaterThan(Date.now());
    const control = await db.generatorControl.findUniqueOrThrow({ where: { id: 1 } });
    expect(control.scenarioId).toBe(2);
    const back = await (await scenarioRoute.POST(post({ id: 0 }))).json();
    expect(back).toMatchObject({ scenarioId: 0, until: null });
  });

  it('sets running and rate, and refuses nonsense with 400', async () => {
    as('staff');
    for (const body of [{}, { rate: -1 }, { rate: 0 }, { rate: 'fast' }, { running: 'yes' }]) {
      expect((await generatorRoute.POST(post(body))).status, JSON.stringify(body)).toBe(400);
    }
    const set = await generatorRoute.POST(post({ running: false, rate: 25 }));
    expect(await set.json()).toEqual({ running: false, rate: 25 });
    expect((await (await summaryRoute.GET()).json()).generator).toEqual({ running: false, rate: 25 });
    expect(await (await generatorRoute.POST(post({ rate: null }))).json()).toEqual({ running: false, rate: null });
  });

  it('the dashboard form shows the reason next to the field', async () => {
    as('staff');
    const r = await setGeneratorRateAction({}, form({ rate: 'lots', pace: 'fixed' }));
    expect(r).toMatchObject({ ok: false, fieldErrors: { rate: [expect.stringMatching(/carts per second/)] }, values: { rate: 'lots' } });
    const tooFast = await setGeneratorRateAction({}, form({ rate: '999999', pace: 'fixed' }));
    expect(tooFast.ok).toBe(false);
    expect(tooFast.fieldErrors?.rate?.length).toBeGreaterThan(0);
    expect(await switchScenarioAction({}, form({ id: '' }))).toMatchObject({ ok: false, fieldErrors: { id: ['Choose a scenario.'] } });
  });
});

describe('GET /api/commerce/live', () => {
  it('gives staff every panel as plain arrays', async () => {
    as('staff');
    const res = await liveRoute.GET();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.minutes).toHaveLength(60);
    expect(body.paymentAge.map((r: { ageGroup: string }) => r.ageGroup)).toEqual(['10대', '20대', '30대', '40대', '50대이상']);
    expect(Array.isArray(body.categoryMix)).toBe(true);
    expect(body.topProducts.length).toBeLessThanOrEqual(10);
    expect(body.gradeChanges.length).toBeLessThanOrEqual(20);
    expect(body.generator.scenario).toMatchObject({ id: expect.any(Number), name: expect.any(String), mode: expect.stringMatching(/^(auto|manual)$/) });
  });
});

describe("a customer's orders", () => {
  it('are only their own, newest first, with the grade gap over 180 days', async () => {
    const now = new Date();
    const day = 86_400_000;
    const a1 = await makeOrder(shop.alice, new Date(now.getTime() - 2 * day), 300_000);
    const a2 = await makeOrder(shop.alice, new Date(now.getTime() - day), 150_000);
    await makeOrder(shop.alice, new Date(now.getTime() - 200 * day), 900_000); // outside the window
    const b1 = await makeOrder(shop.bob, new Date(now.getTime() - day / 2), 50_000);

    const mine = await getMyShop({ viewer: { role: 'customer', customerId: people.alice.id, name: people.alice.name }, now });
    expect(mine.kind).toBe('shopper');
    if (mine.kind !== 'shopper') return;
    expect(mine.shopUserId).toBe(shop.alice);
    expect(mine.orders.slice(0, 2).map((o) => o.id)).toEqual([a2, a1]);
    expect(mine.orders.every((o) => o.userId === shop.alice)).toBe(true);
    expect(mine.orders.map((o) => o.id)).not.toContain(b1);
    expect(mine.totalOrders).toBe(3);
    expect(mine.orders[0]!.lines).toEqual([expect.objectContaining({ productName: '테스트 키보드', amount: 150_000 })]);
    expect(mine.window).toEqual({ days: 180, amount: 450_000, orders: 2 });
    expect(mine.next).toEqual({ kind: 'gap', grade: 'SILVER', amountNeeded: 50_000, ordersNeeded: 3 });

    const bobs = await getMyShop({ viewer: { role: 'customer', customerId: people.bob.id, name: people.bob.name }, now });
    expect(bobs.kind === 'shopper' && bobs.orders.map((o) => o.id)).toEqual([b1]);
  });

  it('say so when the account has no shop user, or it does not exist yet', async () => {
    expect(await getMyShop({ viewer: { role: 'customer', customerId: people.carol.id, name: people.carol.name } })).toEqual({ kind: 'unlinked' });
    expect(await getMyShop({ viewer: { role: 'customer', customerId: people.dave.id, name: people.dave.name } })).toEqual({ kind: 'pending', shopUserId: shop.missing });
  });
});
