import fs from 'node:fs';
import path from 'node:path';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type AccountSeed } from '../prisma/demo-data';

const ROLE_LABEL = { staff: 'Staff', customer: 'Customer', salesman: 'Salesman' } as const;

/** The seeded demo account of a person: by name (김민준), email, or role ('Staff', /^Staff/). */
export function demoAccount(person: string | RegExp): AccountSeed {
  const matches = (s: string) => (typeof person === 'string' ? s === person : person.test(s));
  const account = DEMO_ACCOUNTS.find((a) => matches(a.displayName) || matches(a.email) || matches(ROLE_LABEL[a.role]));
  if (!account) throw new Error(`no demo account for ${String(person)}; see DEMO_ACCOUNTS in prisma/demo-data.ts`);
  return account;
}

/** Opens a fresh browser context (own cookies) and signs in through the login page with that person's demo account. */
export async function signInAs(browser: Browser, person: string | RegExp): Promise<Page> {
  const account = demoAccount(person);
  const page = await (await browser.newContext()).newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${account.role}$`));
  await expect(page.getByTestId('viewer')).toContainText(account.displayName);
  return page;
}

/**
 * Faster sign-in through POST /api/auth/login (the cookie lands in the new
 * context); for tests whose subject is not the login page itself.
 */
export async function signInByApi(browser: Browser, person: string | RegExp): Promise<Page> {
  const account = demoAccount(person);
  const context = await browser.newContext();
  const res = await context.request.post('/api/auth/login', { data: { email: account.email, password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  const page = await context.newPage();
  await page.goto(`/${account.role}`);
  await expect(page.getByTestId('viewer')).toContainText(account.displayName);
  return page;
}

/**
 * Clicks `link` until `shows` is visible, for up to 60 s. On the 2-core CI machine running the whole product, a click
 * on a page just loaded can land before it is hydrated and be lost (CI saw it after a reload and from the main menu),
 * and a busy page's first render has taken past 10 s: the click is repeated only while `shows` has not appeared.
 */
export async function clickThrough(link: Locator, shows: Locator): Promise<void> {
  await expect(async () => {
    if (!(await shows.isVisible())) await link.click({ timeout: 10_000 }); // gone once the first click navigated
    await expect(shows).toBeVisible({ timeout: 20_000 });
  }).toPass({ timeout: 60_000, intervals: [0] });
}

/** Opens a page from the main menu as a person would and waits for its heading (clickThrough). */
export async function openFromMenu(page: Page, name: string, heading = name): Promise<void> {
  await clickThrough(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }),
    page.getByRole('heading', { name: heading, exact: true }));
}

export const uniqueName = () => `고객${String(Date.now()).slice(-6)}`;

/** Fills the customer's consultation form; fields left out keep their defaults. */
export async function fillRequest(page: Page, fields: { project?: string; contactName?: string; phone?: string; region?: string; message?: string }) {
  await page.locator('form[data-hydrated]').waitFor(); // a select chosen before hydration is reset by React
  if (fields.project) await page.getByLabel('Project').selectOption({ label: fields.project });
  if (fields.contactName !== undefined) await page.getByLabel('Contact name').fill(fields.contactName);
  if (fields.phone !== undefined) await page.getByLabel('Mobile phone').fill(fields.phone);
  if (fields.region) await page.getByLabel('Region').selectOption(fields.region);
  if (fields.message !== undefined) await page.getByLabel('What do you need?').fill(fields.message);
}

const APP = path.resolve(import.meta.dirname, '../app');

/**
 * Every page and API route of the app as a concrete URL, read from the app/
 * folder so pages added later are covered too; [param] segments get a random
 * UUID. Route groups "(x)" and private "_x" folders are handled as Next does.
 */
export function appRoutes(): { pages: string[]; apis: { url: string; methods: string[] }[] } {
  const files = fs.readdirSync(APP, { recursive: true, encoding: 'utf8' });
  const toUrl = (file: string) =>
    `/${path
      .dirname(file)
      .split(path.sep)
      .filter((s) => s !== '.' && !/^\(.*\)$/.test(s))
      .map((s) => (/^\[.*\]$/.test(s) ? '00000000-0000-4000-8000-00000000dead' : s))
      .join('/')}`;
  const visible = (f: string) => !f.split(path.sep).some((s) => s.startsWith('_'));
  const pages = files.filter((f) => /(^|\/)page\.tsx$/.test(f) && visible(f)).map(toUrl);
  const apis = files
    .filter((f) => /(^|\/)route\.ts$/.test(f) && visible(f))
    .map((f) => ({
      url: toUrl(f),
      methods: [...fs.readFileSync(path.join(APP, f), 'utf8').matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!),
    }));
  return { pages: [...new Set(pages)].sort(), apis };
}
