import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './helpers';

const unique = () => `E2E 지원사업 ${Date.now().toString(36)}`;

async function fillProject(page: Page, f: Record<string, string>) {
  const labels: Record<string, string> = {
    name: 'Name', year: 'Year', scale: 'Budget (KRW)', host: 'Host', target: 'Target', summary: 'Summary',
    link: 'Link (optional)', expStartDate: 'Expected start (optional)', startDate: 'Start date (optional)', endDate: 'End date (optional)',
  };
  for (const [k, v] of Object.entries(f)) await page.getByLabel(labels[k]!, { exact: true }).fill(v);
}

test.describe('staff run a project through its life cycle', () => {
  test('create, edit, start and end a project; illegal moves are refused; next year\'s edition appears', async ({ browser }) => {
    test.setTimeout(90_000); // a long life cycle, and up to 30 s for the policy worker below
    const staff = await signInAs(browser, /^Staff/);
    await staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
    await expect(staff).toHaveURL(/\/staff\/projects$/);
    await staff.getByRole('link', { name: 'New project' }).click();

    // Refused: every wrong field says why, what was typed stays.
    await fillProject(staff, { name: 'x', year: '19', scale: '12억' });
    await staff.getByRole('button', { name: 'Create project' }).click();
    await expect(staff.getByText('Enter the project name (2 to 80 characters)')).toBeVisible();
    await expect(staff.getByText('Enter a year between 2000 and 2100')).toBeVisible();
    await expect(staff.getByText('Enter the budget in won, e.g. 3,000,000,000')).toBeVisible();
    await expect(staff.getByLabel('Year', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(staff.getByLabel('Budget (KRW)')).toHaveValue('12억');

    const name = unique();
    await fillProject(staff, {
      name, year: '2026', scale: '1,500,000,000', host: '중소벤처기업부', target: '제조 중소기업',
      summary: '공정 데이터 수집 설비를 지원합니다.', link: 'https://example.kr/e2e', expStartDate: '2026-03-01',
    });
    await staff.getByRole('button', { name: 'Create project' }).click();
    await expect(staff).toHaveURL(/\/staff\/projects\/[0-9a-f-]{36}\?created=1$/);
    await expect(staff.getByRole('status').filter({ hasText: 'Project created' })).toBeVisible();
    await expect(staff.getByRole('heading', { level: 1 })).toContainText(`${name} (2026)`);
    await expect(staff.getByRole('heading', { level: 1 })).toContainText('Planned');
    const projectUrl = staff.url().replace(/\?.*$/, '');
    const projectId = projectUrl.split('/').pop()!;

    // Edit: the message names what changed.
    await fillProject(staff, { summary: '공정 데이터 수집과 분석 설비를 지원합니다.', scale: '1,800,000,000' });
    await staff.getByRole('button', { name: 'Save changes' }).click();
    await expect(staff.getByRole('status').filter({ hasText: 'Saved. Changed: budget, summary.' })).toBeVisible();
    await expect(staff.getByText('1,800,000,000원')).toBeVisible();

    // Ending a planned project is refused with the reason (API), and the page never offers it.
    const early = await staff.request.post(`/api/projects/${projectId}/end`);
    expect(early.status()).toBe(409);
    expect((await early.json()).message).toBe(`${name} (2026) has not started yet; start it before ending it.`);
    await expect(staff.getByRole('button', { name: /^End project/ })).toHaveCount(0);

    // Start behind a confirmation; Cancel changes nothing.
    await staff.getByRole('button', { name: `Start project: ${name} (2026)` }).click();
    await staff.getByRole('button', { name: 'Cancel' }).click();
    await expect(staff.getByRole('heading', { level: 1 })).toContainText('Planned');
    await staff.getByRole('button', { name: `Start project: ${name} (2026)` }).click();
    await staff.getByLabel('Start date', { exact: true }).fill('2026-03-02');
    await staff.getByRole('button', { name: 'Confirm start' }).click();
    await expect(staff.getByRole('status').filter({ hasText: 'started on 2026-03-02' })).toBeVisible();
    await expect(staff.getByRole('heading', { level: 1 })).toContainText('Ongoing');

    // A second page still showing Start is refused by the server, clearly.
    const stale = await staff.context().newPage();
    await stale.goto(`/staff/projects?status=ongoing`);
    const row = stale.getByTestId('project-list').getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('Ongoing');
    await staff.getByRole('button', { name: `End project: ${name} (2026)` }).click();
    await staff.getByRole('button', { name: 'Confirm end' }).click();
    await expect(staff.getByRole('status').filter({ hasText: 'ended on' })).toBeVisible();
    await expect(staff.getByRole('heading', { level: 1 })).toContainText('Ended');
    await row.getByRole('button', { name: /^End project/ }).click();
    await row.getByRole('button', { name: 'Confirm end' }).click();
    await expect(row.getByRole('alert')).toHaveText(`${name} (2026) has already ended.`);

    // The ended project can no longer be edited; next year's planned edition appears.
    await expect(staff.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
    const edit = await staff.request.patch(`/api/projects/${projectId}`, { data: { summary: '늦은 수정' } });
    expect(edit.status()).toBe(409);
    // ProjectEnded goes outbox -> relay -> Kafka -> the annual-project policy worker. On CI's two cores, shared by
    // sixteen processes and Chromium, that once took longer than 15 s: allow 30 s, and if it still fails, say what
    // the policy worker and the relay reported, so the failure tells its own cause.
    try {
      await expect(async () => {
        await staff.reload();
        await expect(staff.getByTestId('next-edition').getByRole('link')).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 30_000, intervals: [1_000] });
    } catch (e) {
      const health = await (await staff.request.get('/api/health/workers')).text();
      throw new Error(`next year's edition did not appear within 30 s; worker health: ${health}\n${(e as Error).message}`);
    }
    await staff.getByTestId('next-edition').getByRole('link').click();
    await expect(staff.getByRole('heading', { level: 1 })).toContainText(`${name} (2027)`);
    await expect(staff.getByRole('heading', { level: 1 })).toContainText('Planned');
    await expect(staff.getByLabel('Expected start (optional)')).toHaveValue('2027-03-02');
    await expect(staff.getByLabel('Summary')).toHaveValue('공정 데이터 수집과 분석 설비를 지원합니다.');
    await expect(staff.getByLabel('Budget (KRW)')).toHaveValue('1,800,000,000');
  });

  test('only staff reach the project pages and API', async ({ browser }) => {
    const salesman = await signInAs(browser, '최영업');
    await salesman.goto('/staff/projects');
    await expect(salesman).toHaveURL(/\/salesman$/);
    const res = await salesman.request.post('/api/projects', { data: { name: '몰래 만든 사업', year: 2026 } });
    expect(res.status()).toBe(403);
    expect((await res.json()).message).toMatch(/staff role/);
    const customer = await signInAs(browser, '김민준');
    expect((await customer.request.post('/api/projects/00000000-0000-4000-8000-000000000101/start')).status()).toBe(403);
  });
});
