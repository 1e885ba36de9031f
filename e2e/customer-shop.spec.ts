import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import type { Category } from '../lib/commerce/catalogue/categories';
import { createEnvelope } from '../lib/platform/events/envelope';
import { OrderPlaced } from '../lib/platform/events/commerce';
import { topicsFor } from '../lib/platform/events/topics';
import { signInByApi } from './helpers';

interface Product { id: string; name: string; category: Category; price: number }

/** One checked-out cart of a demo shopper, published to the orders topic exactly as the shop generator does. */
async function placeOrders(orders: { userId: string; product: Product; quantity: number }[]): Promise<string[]> {
  const kafka = new Kafka({ clientId: 'e2e-customer-shop', brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:19292').split(','), logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const ids: string[] = [];
  const messages = orders.map(({ userId, product: p, quantity }) => {
    const orderId = randomUUID();
    ids.push(orderId);
    const amount = p.price * quantity;
    const payload = {
      orderId, userId, orderedAt: new Date().toISOString(), paymentMethod: 'Card' as const,
      subtotal: amount, shippingFee: 3000, discount: 0, total: amount + 3000, scenarioId: 0,
      buyer: { name: 'e2e', gender: 'F' as const, age: 33, province: '서울' },
      lines: [{ lineNo: 1, productId: p.id, productName: p.name, category: p.category, quantity, unitPrice: p.price, amount }],
    };
    return { key: userId, value: JSON.stringify(createEnvelope(OrderPlaced, payload, { correlationId: randomUUID() })), headers: { type: 'OrderPlaced' } };
  });
  await producer.send({ topic: topicsFor(process.env.KAFKA_TOPIC_PREFIX ?? '').commerceOrders, messages, acks: -1 });
  await producer.disconnect();
  return ids;
}

/** The order ids on the customer's first page of "My orders", after checking each is theirs. */
async function myOrders(page: Page, shopUserId: string): Promise<string[]> {
  await page.goto('/customer/shop');
  await expect(page.getByRole('heading', { name: 'My orders' })).toBeVisible();
  await expect(page.getByTestId('my-grade')).toHaveAttribute('data-shop-user', shopUserId);
  const cards = page.locator('[data-testid="my-orders"] > li');
  const owners = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-user-id')));
  expect(owners.every((o) => o === shopUserId)).toBe(true);
  return cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-order-id')!));
}

test.describe('customer: My orders', () => {
  test('each customer sees only their own shop orders, with their grade and the next one', async ({ browser }) => {
    const staff = await signInByApi(browser, /^Staff/);
    const live = (await (await staff.request.get('/api/commerce/live')).json()) as { topProducts: Product[] };
    const product = live.topProducts[0]!;
    expect(product.id).toMatch(/^P[0-9a-f]{8}$/);
    const [minjunOrder, seoyeonOrder] = await placeOrders([
      { userId: 'U_00000001', product, quantity: 2 },
      { userId: 'U_00000002', product, quantity: 1 },
    ]);

    const minjun = await signInByApi(browser, '김민준');
    await minjun.getByRole('link', { name: 'My orders' }).click();
    await expect(minjun).toHaveURL(/\/customer\/shop$/);
    await expect(async () => {
      expect(await myOrders(minjun, 'U_00000001')).toContain(minjunOrder);
    }).toPass({ timeout: 20_000 });
    const mine = minjun.locator(`[data-order-id="${minjunOrder}"]`);
    await expect(mine).toContainText(product.name);
    await expect(mine).toContainText(`₩${(product.price * 2 + 3000).toLocaleString('en-US')}`);
    await expect(minjun.getByTestId('grade')).toHaveText(/^(BRONZE|SILVER|GOLD|VIP)$/);
    await expect(minjun.getByTestId('next-grade')).toHaveText(/within 180 days to reach (SILVER|GOLD|VIP)|VIP is the top grade|conditions/);

    const seoyeon = await signInByApi(browser, '이서연');
    let hers: string[] = [];
    await expect(async () => {
      hers = await myOrders(seoyeon, 'U_00000002');
      expect(hers).toContain(seoyeonOrder);
    }).toPass({ timeout: 20_000 });
    expect(hers).not.toContain(minjunOrder);
    expect(await myOrders(minjun, 'U_00000001')).not.toContain(seoyeonOrder);

    // A wild page number falls back to a real page of one's own orders.
    await minjun.goto('/customer/shop?page=99999');
    const owners = await minjun.locator('[data-testid="my-orders"] > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-user-id')));
    expect(owners.length).toBeGreaterThan(0);
    expect(owners.every((o) => o === 'U_00000001')).toBe(true);
  });

  test('is for customers only', async ({ browser }) => {
    const staff = await signInByApi(browser, /^Staff/);
    await staff.goto('/customer/shop');
    await expect(staff).toHaveURL(/\/staff$/);
  });
});
