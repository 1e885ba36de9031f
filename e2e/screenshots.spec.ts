import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { NAV } from '../components/nav-items';
import { signInAs } from './helpers';

// The README shows these: each role's main page at desktop width and at phone width (390 px).
// Every run takes the screenshots (and checks the pages); UPDATE_SCREENSHOTS=1 writes them where the README
// shows them, so an ordinary test run leaves the work tree clean.
const OUT = path.resolve(import.meta.dirname, process.env.UPDATE_SCREENSHOTS ? '../docs/screenshots' : '../test-results/screenshots');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const PEOPLE = { staff: 'Staff', customer: '김민준', salesman: '최영업' } as const;

/** The page is laid out for this width: nothing sticks out sideways (wide tables scroll inside their own box). */
async function expectNoSidewaysScroll(page: Page, what: string) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `${what}: page is ${scroll}px wide in a ${width}px window`).toBeLessThanOrEqual(width);
}

async function settle(page: Page) {
  // Live panels poll, and the alarm feed holds a stream open (never idle): a quiet moment is enough, 3 s at most.
  await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => {});
  await expect(page.locator('main h1').first()).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
}

test.describe('README screenshots and phone width', () => {
  test('the login page', async ({ browser }) => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto('/login');
    await settle(page);
    await page.screenshot({ path: `${OUT}/login.png`, fullPage: true });
  });

  for (const [role, person] of Object.entries(PEOPLE) as [keyof typeof PEOPLE, string][]) {
    test(`${role}: main page at 1280 px and 390 px, and every ${role} page fits a phone`, async ({ browser }) => {
      const page = await signInAs(browser, person);
      await page.setViewportSize(DESKTOP);
      await page.goto(`/${role}`);
      await settle(page);
      await expectNoSidewaysScroll(page, `/${role} at 1280 px`);
      await page.screenshot({ path: `${OUT}/${role}.png`, fullPage: true });

      await page.setViewportSize(PHONE);
      await settle(page);
      await page.screenshot({ path: `${OUT}/${role}-phone.png`, fullPage: true });
      for (const { href } of NAV[role]) {
        await page.goto(href);
        await page.waitForLoadState('domcontentloaded');
        await expectNoSidewaysScroll(page, `${href} at 390 px`);
      }
      await expectNoSidewaysScroll(page, 'after navigation');
    });
  }
});
