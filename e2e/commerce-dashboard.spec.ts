import { expect, test, type Page } from '@playwright/test';
import { openFromMenu, signInByApi } from './helpers';

// The product under test runs every worker (scripts/start.ts), the shop generator included.
// Each test leaves the generator at the seed's pace and the automatic scenario.

const figure = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));

async function resetGenerator(staff: Page) {
  await staff.request.post('/api/commerce/generator', { data: { running: true, rate: null } });
  await staff.request.post('/api/commerce/scenario', { data: { id: 0 } });
}

test.describe('staff Commerce dashboard', () => {
  test('the figures move while the generator runs, without a reload', async ({ browser }) => {
    const staff = await signInByApi(browser, /^Staff/);
    const set = await staff.request.post('/api/commerce/generator', { data: { running: true, rate: 20 } });
    expect(set.status(), await set.text()).toBe(200);
    try {
      await openFromMenu(staff, 'Commerce');
      await expect(staff).toHaveURL(/\/staff\/commerce$/);
      const orders = staff.getByTestId('kpi-orders');
      const before = figure(await orders.textContent());
      await expect.poll(async () => figure(await orders.textContent()), { timeout: 15_000 }).toBeGreaterThan(before);
      await expect(staff.getByTestId('generator-state')).toContainText('Running');
      await expect(staff.getByTestId('generator-state')).toContainText('20 carts/s');
      await expect(staff.getByTestId('minutes-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();

      const summary = await (await staff.request.get('/api/commerce/summary')).json();
      expect(summary).toMatchObject({ generator: { running: true, rate: 20 }, grades: { VIP: expect.any(Number), BRONZE: expect.any(Number) } });
      expect(summary.orders).toBeGreaterThan(before);
    } finally {
      await resetGenerator(staff);
    }
  });

  test('switching to 남성 IT/게이밍 폭주 makes IT/게이밍 the top category of the last 10 minutes', async ({ browser }) => {
    test.setTimeout(150_000);
    const staff = await signInByApi(browser, /^Staff/);
    try {
      await staff.goto('/staff/commerce');
      await staff.locator('[data-testid="generator-controls"][data-hydrated]').waitFor();

      await staff.getByLabel('Carts per second').fill('100');
      await staff.getByRole('button', { name: 'Set rate' }).click();
      await expect(staff.getByRole('status').filter({ hasText: 'Rate set: 100 carts/s.' })).toBeVisible();

      await staff.getByLabel('Scenario', { exact: true }).selectOption('2');
      await staff.getByRole('button', { name: 'Switch scenario' }).click();
      await expect(staff.getByRole('status').filter({ hasText: '남성 IT/게이밍 폭주 runs until the timer ends' })).toBeVisible();

      // The generator picks the control row up within a second or two and reports the timer.
      await expect(staff.getByTestId('scenario-name')).toContainText('2 · 남성 IT/게이밍 폭주', { timeout: 10_000 });
      await expect(staff.getByTestId('scenario-mode')).toHaveText('manual');
      await expect(staff.getByTestId('scenario-timer')).toHaveText(/^\d+:\d\d$/);

      const top = staff.getByTestId('category-mix').locator('li').first();
      await expect.poll(async () => top.getAttribute('data-category'), { timeout: 120_000, intervals: [1_000] }).toBe('IT/게이밍');
    } finally {
      await resetGenerator(staff);
    }
  });

  test('refuses bad input with the reason, and is for staff only', async ({ browser }) => {
    const staff = await signInByApi(browser, /^Staff/);
    await staff.goto('/staff/commerce');
    await staff.locator('[data-testid="generator-controls"][data-hydrated]').waitFor();
    await staff.getByLabel('Carts per second').fill('fast');
    await staff.getByRole('button', { name: 'Set rate' }).click();
    await expect(staff.locator('#e-rate')).toHaveText('Enter carts per second as a number, e.g. 20 or 0.5.');
    await expect(staff.getByLabel('Carts per second')).toHaveAttribute('aria-invalid', 'true');

    const bad = await staff.request.post('/api/commerce/scenario', { data: { id: 99 } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).message).toMatch(/scenario number from 0/);
    expect((await staff.request.post('/api/commerce/generator', { data: { rate: -5 } })).status()).toBe(400);

    await staff.getByRole('link', { name: /History/ }).click();
    await expect(staff.getByRole('heading', { name: 'Commerce history' })).toBeVisible();
    await staff.getByRole('link', { name: 'By month' }).click();
    await expect(staff).toHaveURL(/by=month/);

    const customer = await signInByApi(browser, '박지호');
    for (const path of ['/staff/commerce', '/staff/commerce/history']) {
      await customer.goto(path);
      await expect(customer).toHaveURL(/\/customer$/);
    }
    expect((await customer.request.get('/api/commerce/summary')).status()).toBe(403);
    expect((await customer.request.post('/api/commerce/scenario', { data: { id: 2 } })).status()).toBe(403);
  });
});
