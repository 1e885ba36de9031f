import { expect, test, type Page } from '@playwright/test';
import { signInByApi } from './helpers';

/** The order ids on the customer's first page of "My orders", after checking each is theirs. */
async function myOrders(page: Page, shopUserId: string): Promise<string[]> {
  await page.getByRole('link', { name: 'My orders' }).click();
  await expect(page).toHaveURL(/\/customer\/shop$/);
  await expect(page.getByRole('heading', { name: 'My orders' })).toBeVisible();
  // The catalogue seed creates the demo customers' shop users at the first start.
  await expect(page.getByTestId('my-grade')).toHaveAttribute('data-shop-user', shopUserId);
  await expect(page.getByTestId('grade')).toHaveText(/^(BRONZE|SILVER|GOLD|VIP)$/);
  await expect(page.getByTestId('next-grade')).toHaveText(/within 180 days to reach (SILVER|GOLD|VIP)|VIP is the top grade|conditions/);
  const cards = page.locator('[data-testid="my-orders"] > li');
  const owners = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-user-id')));
  expect(owners.every((o) => o === shopUserId)).toBe(true);
  return cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-order-id')!));
}

test.describe('customer: My orders', () => {
  test('each customer sees only their own shop orders and grade', async ({ browser }) => {
    const minjun = await signInByApi(browser, '김민준');
    const seoyeon = await signInByApi(browser, '이서연');
    const mine = await myOrders(minjun, 'U_00000001');
    const hers = await myOrders(seoyeon, 'U_00000002');
    expect(mine.filter((id) => hers.includes(id))).toEqual([]);

    // Paging stays within one's own orders; a wild page number falls back to a real page.
    await minjun.goto('/customer/shop?page=99999');
    await expect(minjun.getByRole('heading', { name: 'My orders' })).toBeVisible();
    const owners = await minjun.locator('[data-testid="my-orders"] > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-user-id')));
    expect(owners.every((o) => o === 'U_00000001')).toBe(true);
  });

  test('is for customers only', async ({ browser }) => {
    const staff = await signInByApi(browser, /^Staff/);
    await staff.goto('/customer/shop');
    await expect(staff).toHaveURL(/\/staff$/);
  });
});
