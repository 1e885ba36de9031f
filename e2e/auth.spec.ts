import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../prisma/demo-data';
import { appRoutes, demoAccount, signInAs } from './helpers';

const PUBLIC_PAGES = ['/login'];
const PUBLIC_APIS = /^\/api\/(auth|health)\//;

test.describe('signing in and out', () => {
  test('signed out, every page sends you to sign in and every API answers 401', async ({ page, request }) => {
    const { pages, apis } = appRoutes();
    expect(pages).toEqual(expect.arrayContaining(['/', '/customer', '/salesman', '/staff', '/login']));
    for (const url of pages.filter((p) => !PUBLIC_PAGES.includes(p))) {
      await page.goto(url);
      await expect(page, `signed-out visit to ${url}`).toHaveURL(/\/login(\?next=.*)?$/);
      if (url !== '/') expect(new URL(page.url()).searchParams.get('next')).toBe(url);
    }
    const answers: string[] = [];
    for (const { url, methods } of apis.filter((a) => !PUBLIC_APIS.test(a.url))) {
      for (const method of methods) {
        const res = await request.fetch(url, { method, data: method === 'GET' ? undefined : {}, maxRedirects: 0 });
        answers.push(`${method} ${url} ${res.status()}`);
        if (res.status() === 401) expect((await res.json()).message).toMatch(/not signed in/);
      }
    }
    expect(answers.length).toBeGreaterThanOrEqual(5);
    expect(answers.filter((a) => !a.endsWith(' 401'))).toEqual([]);
  });

  test('the login page lists the demo accounts; a wrong password or email gets one clear answer', async ({ page }) => {
    await page.goto('/login');
    const demo = page.getByTestId('demo-accounts');
    await expect(demo).toContainText(DEMO_PASSWORD);
    for (const who of ['운영팀', '김민준', '이서연', '박지호', '최영업', '정하늘', '강도윤']) await expect(demo).toContainText(who);

    const minjun = demoAccount('김민준');
    for (const [email, password] of [[minjun.email, 'not-the-password'], ['nobody@switchboard.dev', DEMO_PASSWORD]] as const) {
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const alert = page.locator('.notice[role=alert]');
      await expect(alert).toHaveText('That email and password do not match an account. Check both and try again.');
      await expect(page).toHaveURL(/\/login$/);
      await expect(page.getByLabel('Email')).toHaveValue(email); // kept
      await expect(page.getByLabel('Password')).toHaveValue(''); // never echoed back
    }
    await page.getByLabel('Email').fill('');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByText('Enter your email', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  });

  test('after five failed sign-ins for one email the form says how long to wait', async ({ page }) => {
    // An email no account has: it locks all the same, and no demo account is locked for the other tests.
    const email = `guesser-${Date.now()}@switchboard.dev`;
    await page.goto('/login');
    const alert = page.locator('.notice[role=alert]');
    for (let i = 1; i <= 6; i++) {
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(`guess-${i}`);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(alert).toHaveText(
        i <= 5 ? 'That email and password do not match an account. Check both and try again.' : 'Too many failed sign-ins for this email. Wait 15 minutes, then try again.',
      );
      await expect(page.getByLabel('Password')).toHaveValue('');
    }
    await expect(page).toHaveURL(/\/login$/);
  });

  test('a page asked for while signed out opens after signing in; the cookie is HTTP-only and SameSite=Lax', async ({ page, context }) => {
    await page.goto('/customer?from=mail');
    await expect(page).toHaveURL('/login?next=%2Fcustomer%3Ffrom%3Dmail');
    await expect(page.getByText('Sign in to continue')).toBeVisible();
    // Keyboard only: the form is reachable and submits with Enter.
    await page.getByLabel('Email').focus();
    await page.keyboard.type(demoAccount('김민준').email);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Password')).toBeFocused();
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/customer?from=mail');
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'sb_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
    const days = (cookie!.expires * 1000 - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);
    // Signed in, the login page and the home page both go to the role's desk.
    await page.goto('/login');
    await expect(page).toHaveURL('/customer');
    await page.goto('/');
    await expect(page).toHaveURL('/customer');
  });

  test('sign-out ends the session on the server: a copied cookie no longer works', async ({ browser }) => {
    const page = await signInAs(browser, '최영업');
    const stolen = (await page.context().cookies()).filter((c) => c.name === 'sb_session');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL('/login?signedOut=1');
    await expect(page.getByRole('status').filter({ hasText: 'signed out' })).toHaveText('You are signed out.');
    await expect(page.getByTestId('viewer')).toHaveText('Not signed in');
    await page.goto('/salesman');
    await expect(page).toHaveURL(/\/login\?next=%2Fsalesman$/);

    const replay = await browser.newContext();
    await replay.addCookies(stolen);
    const again = await replay.newPage();
    await again.goto('/salesman');
    await expect(again).toHaveURL(/\/login\?next=%2Fsalesman$/);
    expect((await replay.request.get('/api/alarms')).status()).toBe(401);
  });

  test('each role gets its own menu and is sent home from another role\'s pages', async ({ browser }) => {
    const menus = { 김민준: ['Consultations', 'Projects & interests', 'Notifications', 'My orders'], 최영업: ['Desk'], Staff: ['Consultations', 'Projects', 'Statistics', 'Commerce', 'Promotions', 'Settlement', 'Customers', 'Dead letters'] };
    const homes = { 김민준: '/customer', 최영업: '/salesman', Staff: '/staff' } as const;
    for (const [who, items] of Object.entries(menus) as [keyof typeof menus, string[]][]) {
      const page = await signInAs(browser, who);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link')).toHaveText(items);
      await expect(nav.getByRole('link', { name: items[0], exact: true })).toHaveAttribute('aria-current', 'page');
      for (const other of Object.values(homes).filter((h) => h !== homes[who])) {
        await page.goto(other);
        await expect(page, `${who} visiting ${other}`).toHaveURL(homes[who]);
      }
      await page.context().close();
    }
  });

  test('the skip link is the first thing the keyboard reaches and jumps to the content', async ({ browser }) => {
    const page = await signInAs(browser, '이서연');
    await page.goto('/customer'); // a fresh load: focus starts at the top of the document
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
});
