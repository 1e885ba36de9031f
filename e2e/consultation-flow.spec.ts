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
    const sent = customer.getByRole('status').filter({ hasText: 'will contact you' });
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

  test('the salesman rejects a request; the customer sees it canceled and can send it again', async ({ browser }) => {
    const customer = await signInAs(browser, '이서연');
    const contact = uniqueName();
    const message = `수출바우처 신청 방법을 알고 싶습니다 (${contact})`;
    await fillRequest(customer, { project: '수출바우처 사업 (2026)', contactName: contact, region: '부산', message });
    await customer.getByRole('button', { name: 'Request consultation' }).click();
    const sent = customer.getByRole('status').filter({ hasText: 'will contact you' });
    await expect(sent).toBeVisible();
    const salesmanName = (await sent.textContent())!.match(/Request sent\. (\S+) will contact you/)![1]!;

    const salesman = await signInAs(browser, salesmanName);
    const row = salesman.getByTestId('consultations').getByRole('row').filter({ hasText: contact });
    await row.getByRole('button', { name: /^Reject/ }).click();
    await expect(row).toContainText('Canceled');
    await expect(row.getByRole('button')).toHaveCount(0);
    const mine = customer.getByTestId('consultations').getByRole('row').filter({ hasText: message });
    await expect(mine).toContainText('Canceled', { timeout: 3_000 });

    // A declined request can no longer be edited, but can be sent again with one click, prefilled.
    await mine.getByRole('link', { name: /^View/ }).click();
    await expect(customer.getByTestId('edit-closed')).toContainText('declined');
    await customer.getByRole('link', { name: 'Send this request again' }).click();
    await expect(customer.getByLabel('What do you need?')).toHaveValue(message);
    await expect(customer.getByLabel('Contact name')).toHaveValue(contact);
    await expect(customer.getByLabel('Project').locator('option:checked')).toHaveText('수출바우처 사업 (2026)');
    await customer.getByRole('button', { name: 'Request consultation' }).click();
    await expect(customer.getByRole('status').filter({ hasText: 'will contact you' })).toBeVisible();
    await expect(customer.getByTestId('consultations').getByRole('row').filter({ hasText: message })).toHaveCount(2);
  });

  test('a customer whose region nobody covers is told so and nothing is saved', async ({ browser }) => {
    const customer = await signInAs(browser, '박지호');
    await fillRequest(customer, { project: PROJECT, region: '제주', message: '감귤 선별 자동화 지원이 가능한가요?' });
    await customer.getByRole('button', { name: 'Request consultation' }).click();
    await expect(customer.getByRole('alert').filter({ hasText: 'No salesman covers 제주' })).toBeVisible();
    await expect(customer.getByText('No consultations yet')).toBeVisible();
  });

  test('the customer edits a request until the salesman accepts it, then the edit is refused with the reason', async ({ browser }) => {
    const customer = await signInAs(browser, '김민준');
    const contact = uniqueName();
    const first = `처음 보낸 상담 내용입니다 ${contact}`;
    await fillRequest(customer, { project: PROJECT, contactName: contact, region: '서울', message: first });
    await customer.getByRole('button', { name: 'Request consultation' }).click();
    const sent = customer.getByRole('status').filter({ hasText: 'will contact you' });
    await expect(sent).toBeVisible();
    const salesmanName = (await sent.textContent())!.match(/Request sent\. (\S+) will contact you/)![1]!;
    const salesman = await signInAs(browser, salesmanName);
    const desk = salesman.getByTestId('consultations').getByRole('row').filter({ hasText: contact });
    await expect(desk).toContainText(first);

    // The customer opens the request from their list and corrects it.
    await customer.getByTestId('consultations').getByRole('row').filter({ hasText: first }).getByRole('link', { name: /^Edit/ }).click();
    await expect(customer).toHaveURL(/\/customer\/consultations\/[0-9a-f-]{36}$/);
    const edited = `고친 상담 내용: 방문 상담을 원합니다 ${contact}`;
    await customer.getByLabel('What do you need?').fill(edited);
    await customer.getByLabel('Mobile phone').fill('01099990000');
    await customer.getByRole('button', { name: 'Save changes' }).click();
    await expect(customer.getByRole('status').filter({ hasText: 'saved' })).toHaveText('Your changes are saved; your salesman sees them now.');
    await expect(customer.getByLabel('Mobile phone')).toHaveValue('010-9999-0000'); // stored form
    // The salesman's open desk shows the correction without a reload.
    await expect(desk).toContainText(edited, { timeout: 3_000 });
    await expect(desk).toContainText('010-9999-0000');

    // A wrong field is named, and nothing is sent.
    await customer.getByLabel('Mobile phone').fill('12');
    await customer.getByRole('button', { name: 'Save changes' }).click();
    await expect(customer.getByText('Enter a mobile number like 010-1234-5678')).toBeVisible();
    await expect(customer.getByLabel('Mobile phone')).toHaveAttribute('aria-invalid', 'true');

    // The salesman accepts while the customer's form is still open: the next save is refused with the reason.
    await desk.getByRole('button', { name: /^Accept/ }).click();
    await expect(desk).toContainText('Accepted');
    await customer.getByLabel('Mobile phone').fill('010-9999-1111');
    await customer.getByLabel('What do you need?').fill('수락된 뒤에 고치려는 내용입니다.');
    await customer.getByRole('button', { name: 'Save changes' }).click();
    await expect(customer.getByRole('alert').filter({ hasText: 'already accepted' })).toContainText('already accepted this consultation, so it can no longer be edited');
    await customer.reload();
    await expect(customer.getByTestId('edit-closed')).toContainText('can no longer be edited');
    await expect(customer.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
    await expect(desk).toContainText(edited);
    await expect(desk).not.toContainText('010-9999-1111');
    // In the list the request now offers View, not Edit.
    await customer.goto('/customer');
    await expect(customer.getByTestId('consultations').getByRole('row').filter({ hasText: edited }).getByRole('link')).toHaveText('View');
  });

  test('pages refuse the wrong role and the API answers 4xx with a reason', async ({ browser, request }) => {
    const salesman = await signInAs(browser, '최영업');
    await salesman.goto('/customer');
    await expect(salesman).toHaveURL(/\/salesman$/); // sent back to their own desk
    const api = await salesman.request.post('/api/consultations', { data: {} });
    expect(api.status()).toBe(403);
    expect((await api.json()).message).toMatch(/customer role/);
    const anon = await request.get('/api/alarms');
    expect(anon.status()).toBe(401); // not signed in: 401; signed in with the wrong role: 403
  });
});
