import { expect, test, type Page } from '@playwright/test';
import { signInAs, signInByApi } from './helpers';

// Items 4, 5 and 8 from the customer's side: follow a programme, see its progress
// from the read model, and get exactly one notification when staff start it.

async function createProjectAsStaff(staff: Page, name: string): Promise<string> {
  const res = await staff.request.post('/api/projects', {
    data: { name, year: 2026, scale: '1,500,000,000', target: '중소기업', host: '알림테스트청', summary: '관심 고객 알림을 확인하는 사업입니다.', expStartDate: '2026-04-01' },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { project: { projectId: string } }).project.projectId;
}

test.describe('projects & interests, as a customer', () => {
  test('follow a programme, see it start and get exactly one notification; others see nothing of it', async ({ browser }) => {
    const name = `관심사업 ${String(Date.now()).slice(-6)}`;
    const label = `${name} (2026)`;
    const staff = await signInByApi(browser, /^Staff/);
    const projectId = await createProjectAsStaff(staff, name);

    // The new programme shows up on the customer's page without a reload (read model, polled).
    const customer = await signInAs(browser, '김민준');
    await customer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects & interests' }).click();
    await expect(customer).toHaveURL(/\/customer\/interests$/);
    const card = customer.getByTestId('open-projects').locator(`[data-project-id="${projectId}"]`);
    await expect(card).toContainText('Expected start', { timeout: 10_000 });
    await expect(card).toContainText('2026.04.01');

    // Follow: the toggle flips and the programme is listed under My interests with its progress.
    await customer.getByRole('button', { name: `Follow ${label}` }).click();
    await expect(customer.getByRole('button', { name: `Unfollow ${label}` })).toBeVisible();
    const mine = customer.getByTestId('my-interests').locator(`[data-project-id="${projectId}"]`);
    await expect(mine).toContainText('Planned', { timeout: 5_000 });
    await expect(mine).toContainText('2026.04.01');

    // Unfollow and follow again (UpdateInterest both ways), all from the keyboard.
    await customer.getByRole('button', { name: `Unfollow ${label}` }).focus();
    await customer.keyboard.press('Enter');
    await expect(customer.getByTestId('my-interests').locator(`[data-project-id="${projectId}"]`)).toHaveCount(0, { timeout: 5_000 });
    await customer.getByRole('button', { name: `Follow ${label}` }).focus();
    await customer.keyboard.press('Enter');
    await expect(mine).toContainText('Planned', { timeout: 5_000 });

    // Another customer sees the programme but not as followed.
    const other = await signInByApi(browser, '이서연');
    await other.goto('/customer/interests');
    await expect(other.getByRole('button', { name: `Follow ${label}` })).toBeVisible({ timeout: 10_000 });
    await expect(other.getByTestId('my-interests').locator(`[data-project-id="${projectId}"]`)).toHaveCount(0);

    // Staff start the programme through their page.
    await staff.goto(`/staff/projects/${projectId}`);
    await staff.getByRole('button', { name: `Start project: ${label}` }).click();
    await staff.getByLabel('Start date', { exact: true }).fill('2026-04-02');
    await staff.getByRole('button', { name: 'Confirm start' }).click();
    await expect(staff.getByRole('heading', { level: 1 })).toContainText('Ongoing');

    // Within a few seconds, without a reload: the new status and start date, and one notification.
    await expect(mine).toContainText('Ongoing', { timeout: 8_000 });
    await expect(mine).toContainText('2026.04.02');
    const news = customer.getByTestId('notifications').getByText(`${label} has started`);
    await expect(news).toHaveCount(1, { timeout: 8_000 });
    await expect(customer.getByTestId('notification-unread')).not.toHaveText('0 unread');

    // The inbox: exactly one, addressed to the customer's phone; mark it read.
    await customer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notifications' }).click();
    const item = customer.getByTestId('notifications').getByRole('listitem').filter({ hasText: `${label} has started` });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('010-2345-6789');
    const unreadBefore = Number((await customer.getByTestId('notification-unread').textContent())!.match(/\d+/)![0]);
    await item.getByRole('button', { name: `Mark read: ${label} has started` }).click();
    await expect(item.getByRole('button')).toHaveCount(0);
    await expect(customer.getByTestId('notification-unread')).toHaveText(`${unreadBefore - 1} unread`);
    await customer.waitForTimeout(2_000); // a redelivery would show up as a second one by now
    await expect(item).toHaveCount(1);

    // The other customer got nothing about it, on the page or through the API.
    await other.goto('/customer/notifications');
    await expect(other.getByText(`${label} has started`)).toHaveCount(0);
    expect(JSON.stringify(await (await other.request.get('/api/notifications')).json())).not.toContain(projectId);
  });

  test('interests and inboxes are the customer\'s own: APIs refuse other people and other roles', async ({ browser, request }) => {
    const name = `권한사업 ${String(Date.now()).slice(-6)}`;
    const staff = await signInByApi(browser, /^Staff/);
    const projectId = await createProjectAsStaff(staff, name);

    const owner = await signInByApi(browser, '김민준');
    const created = await owner.request.post('/api/interests', { data: { projectId } });
    expect(created.status(), await created.text()).toBe(201);
    const { id, salesman: matched } = (await created.json()) as { id: string; salesman: { name: string } | null };
    expect(['최영업', '정하늘']).toContain(matched?.name); // the customer is in 서울
    expect((await owner.request.post('/api/interests', { data: { projectId } })).status()).toBe(409);

    // Someone else's interest does not exist for them; a bad value is refused with the field named.
    const other = await signInByApi(browser, '이서연');
    const hijack = await other.request.patch(`/api/interests/${id}`, { data: { interested: false } });
    expect(hijack.status()).toBe(404);
    expect((await hijack.json()).message).toBe('No such interest among yours.');
    const bad = await owner.request.patch(`/api/interests/${id}`, { data: { interested: 'maybe' } });
    expect([bad.status(), Object.keys((await bad.json()).fieldErrors ?? {})]).toEqual([400, ['interested']]);
    const off = await owner.request.patch(`/api/interests/${id}`, { data: { interested: false } });
    expect(await off.json()).toMatchObject({ interested: false, changed: true });

    // Marking someone else's notification read: 404 (the id is of the owner's inbox, if they have one).
    const inbox = (await (await owner.request.get('/api/notifications')).json()) as { notifications: { id: string }[] };
    const target = inbox.notifications[0]?.id ?? '00000000-0000-4000-8000-00000000dead';
    expect((await other.request.post('/api/notifications/read', { data: { notificationId: target } })).status()).toBe(404);

    // Other roles and anonymous callers.
    const salesman = await signInByApi(browser, '최영업');
    expect((await salesman.request.get('/api/interests')).status()).toBe(403);
    expect((await salesman.request.post('/api/interests', { data: { projectId } })).status()).toBe(403);
    expect((await staff.request.get('/api/notifications')).status()).toBe(403);
    expect((await request.get('/api/interests')).status()).toBe(401);
    expect((await request.get('/api/notifications')).status()).toBe(401);
    await salesman.goto('/customer/interests');
    await expect(salesman).toHaveURL(/\/salesman$/);
  });
});
