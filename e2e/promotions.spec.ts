import { expect, test } from '@playwright/test';
import { openFromMenu, signInByApi } from './helpers';

// The product under test runs every worker, the shop generator (purchases, views and clicks) and the promotion
// attributor included. The generator is put back at the seed's pace afterwards.

const figure = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));

test.describe('staff Promotions', () => {
  test('the analysis moves while the shop runs, by promotion and age group, without a reload', async ({ browser }) => {
    const staff = await signInByApi(browser, /^Staff/);
    const set = await staff.request.post('/api/commerce/generator', { data: { running: true, rate: 20 } });
    expect(set.status(), await set.text()).toBe(200);
    try {
      await openFromMenu(staff, 'Promotions'); // the page's first render runs every panel's query: past 10 s in CI on a loaded host
      const affected = staff.getByTestId('kpi-affected');
      const before = figure(await affected.textContent());
      await expect.poll(async () => figure(await affected.textContent()), { timeout: 20_000 }).toBeGreaterThan(before);
      await expect(staff.getByTestId('promotion-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
      const winter = staff.getByTestId('promotion-PR-0001');
      await expect(winter.getByRole('heading', { name: /PR-0001 겨울 아우터 특가/ })).toBeVisible();
      const table = winter.getByRole('table', { name: /by age group/ });
      for (const group of ['10대', '20대', '30대', '40대', '50대', '60대 이상', 'All']) await expect(table.getByRole('rowheader', { name: group, exact: true })).toBeVisible();
      await expect.poll(async () => figure(await table.getByRole('row', { name: /^All/ }).getByRole('cell').first().textContent()), { timeout: 15_000 }).toBeGreaterThan(0);
    } finally {
      await staff.request.post('/api/commerce/generator', { data: { running: true, rate: null } });
    }
  });

  test('staff add a promotion; a wrong field is named, and the new one shows with its figures', async ({ browser }) => {
    const staff = await signInByApi(browser, /^Staff/);
    await staff.goto('/staff/promotions');
    const form = staff.getByRole('form', { name: 'New promotion' });
    const name = `연말 테스트 ${String(Date.now()).slice(-5)}`;
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Discount (%)').fill('95');
    await form.getByLabel('Starts (Korea time)').fill('2026-12-24T09:00');
    await form.getByLabel('Ends (Korea time)').fill('2026-12-20T09:00');
    await form.getByRole('button', { name: 'Add promotion' }).click();
    await expect(form.getByText('At most 90 %.')).toBeVisible();
    await expect(form.getByText('The end must be after the start.')).toBeVisible();
    await expect(form.getByLabel('Name')).toHaveValue(name); // what was typed is kept
    await form.getByLabel('Discount (%)').fill('20');
    await form.getByLabel('Ends (Korea time)').fill('2026-12-31T23:59');
    await form.getByLabel('캠핑').check();
    await form.getByRole('button', { name: 'Add promotion' }).click();
    await expect(staff.getByRole('status').filter({ hasText: `${name} added.` })).toBeVisible();
    const section = staff.locator('section').filter({ has: staff.getByRole('heading', { name: new RegExp(name) }) });
    await expect(section).toContainText('20% off');
    await expect(section).toContainText('캠핑');
    await expect(section.getByRole('table', { name: `${name} by age group` })).toBeVisible();
  });
});
