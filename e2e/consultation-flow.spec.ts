import { expect, test } from '@playwright/test';
import { fillRequest, signInAs, uniqueName } from './helpers';

const PROJECT = '스마트공장 구축 지원사업 (2026)';

test.describe('a consultation, as customer, salesman and staff', () => {
  test('customer requests, the matched salesman sees the alarm live and accepts, everyone sees the step', async ({ browser }) => {
    const customer = await signInAs(browser, '김민준');
    await expect(customer).toHaveURL(/\/customer$/);

    // Bad input: each wrong field says what is wrong, nothing is sent.
    await fillRequest(customer, { project: PROJECT, phone: '02-12', message: 'hi' });
    await customer.getByRole('button', { name: 'Request consultation' }).click();
    await expect(customer.getByText('Enter a mobile number like 010-1234-5678')).toBeVisible();
    await expect(customer.getByText('at least 5 characters')).toBeVisible();
    await expect(customer.getByLabel('Mobile phone')).toHaveAttribute('aria-invalid', 'true');
    await expect(customer.getByLabel('Mobile phone')).toHaveValue('02-12'); // what the user typed is kept

    // Both salesmen who cover 서울 have their desk open before the request is sent.
    const desks = { 최영업: await signInAs(browser, '최영업'), 정하늘: await signInAs(browser, '정하늘') };

    const contact = uniqueName();
    await fillRequest(customer, { contactName: contact, phone: '010-2345-6789', region: '서울', message: '스마트공장 지원 자격이 궁금합니다.' });
    await customer.getByRole('button', { name: 'Request consultation' }).click();
    const sent = customer.getByRole('status');
    await expect(sent).toContainText('will contact you');
    const salesmanName = (await sent.textContent())!.match(/Request sent\. (\S+) will contact you/)![1]! as keyof typeof desks;
    expect(Object.keys(desks)).toContain(salesmanName);
    const myRow = customer.getByTestId('consultations').getByRole('row').filter({ hasText: salesmanName }).first();
    await expect(myRow).toContainText('Requested');

    // The matched salesman's open page shows the alarm within 2 s, without a reload; the other's does not.
    const salesman = desks[salesmanName];
    const alarms = salesman.getByTestId('alarms');
    await expect(alarms.getByText(contact)).toBeVisible({ timeout: 2_000 });
    const other = desks[salesmanName === '최영업' ? '정하늘' : '최영업'];
    await expect(other.getByText(contact)).toHaveCount(0);

    // Accept: the step changes for the salesman, then for the customer without a reload.
    const row = salesman.getByTestId('consultations').getByRole('row').filter({ hasText: contact });
    await row.getByRole('button', { name: /^Accept/ }).click();
    await expect(row).toContainText('Accepted');
    await expect(alarms.getByText(/Consultation accepted/).first()).toBeVisible({ timeout: 2_000 });
    await expect(customer.getByTestId('consultations').getByRole('row').filter({ hasText: 'Accepted' }).first()).toBeVisible({ timeout: 3_000 });

    // Illegal moves are not offered; the next legal one is.
    await expect(row.getByRole('button', { name: /^Mark success/ })).toHaveCount(0);
    await row.getByRole('button', { name: /^Start work/ }).click();
    await expect(row).toContainText('In progress');

    // Staff see projects and the consultation with its step.
    const staff = await signInAs(browser, /^Staff/);
    await expect(staff).toHaveURL(/\/staff$/);
    await expect(staff.getByTestId('projects')).toContainText('스마트공장 구축 지원사업');
    await expect(staff.getByTestId('consultations').getByRole('row').filter({ hasText: contact })).toContainText('In progress');
  });

  test('the salesman rejects a request and the customer sees it canceled', async ({ browser }) => {
    const customer = await signInAs(browser, '이서연');
    const contact = uniqueName();
    await fillRequest(customer, { project: '수출바우처 사업 (2026)', contactName: contact, region: '부산', message: '수출바우처 신청 방법을 알고 싶습니다.' });
    await customer.getByRole('button', { name: 'Request consultation' }).click();
    await expect(customer.getByRole('status')).toContainText('will contact you');
    const salesmanName = (await customer.getByRole('status').textContent())!.match(/Request sent\. (\S+) will contact you/)![1]!;

    const salesman = await signInAs(browser, salesmanName);
    const row = salesman.getByTestId('consultations').getByRole('row').filter({ hasText: contact });
    await row.getByRole('button', { name: /^Reject/ }).click();
    await expect(row).toContainText('Canceled');
    await expect(row.getByRole('button')).toHaveCount(0);
    await expect(customer.getByTestId('consultations').getByRole('row').filter({ hasText: 'Canceled' }).first()).toBeVisible({ timeout: 3_000 });
  });

  test('a customer whose region nobody covers is told so and nothing is saved', async ({ browser }) => {
    const customer = await signInAs(browser, '박지호');
    await fillRequest(customer, { project: PROJECT, region: '제주', message: '감귤 선별 자동화 지원이 가능한가요?' });
    await customer.getByRole('button', { name: 'Request consultation' }).click();
    await expect(customer.getByRole('alert').filter({ hasText: 'No salesman covers 제주' })).toBeVisible();
    await expect(customer.getByText('No consultations yet')).toBeVisible();
  });

  test('pages refuse the wrong role and the API answers 4xx with a reason', async ({ browser, request }) => {
    const salesman = await signInAs(browser, '최영업');
    await salesman.goto('/customer');
    await expect(salesman).toHaveURL(/\/salesman$/); // sent back to their own desk
    const api = await salesman.request.post('/api/consultations', { data: {} });
    expect(api.status()).toBe(403);
    expect((await api.json()).message).toMatch(/customer role/);
    const anon = await request.get('/api/alarms');
    expect(anon.status()).toBe(403);
  });
});
