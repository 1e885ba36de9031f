import { expect, type Browser, type Page } from '@playwright/test';

/** Opens a fresh browser context (own cookies) and picks a person in the role switcher. */
export async function signInAs(browser: Browser, person: string | RegExp): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: person }).first().click();
  await expect(page.getByTestId('viewer')).toContainText(typeof person === 'string' ? person : /./);
  return page;
}

export const uniqueName = () => `고객${String(Date.now()).slice(-6)}`;

/** Fills the customer's consultation form; fields left out keep their defaults. */
export async function fillRequest(page: Page, fields: { project?: string; contactName?: string; phone?: string; region?: string; message?: string }) {
  if (fields.project) await page.getByLabel('Project').selectOption({ label: fields.project });
  if (fields.contactName !== undefined) await page.getByLabel('Contact name').fill(fields.contactName);
  if (fields.phone !== undefined) await page.getByLabel('Mobile phone').fill(fields.phone);
  if (fields.region) await page.getByLabel('Region').selectOption(fields.region);
  if (fields.message !== undefined) await page.getByLabel('What do you need?').fill(fields.message);
}
