import { expect, test } from '@playwright/test';
import { signInAs, signInByApi, uniqueName } from './helpers';

const SMART_FACTORY = '00000000-0000-4000-8000-000000000101';

test.describe('ownership: nobody sees or changes what is not theirs', () => {
  test('customers and salesmen are refused on someone else\'s consultation, in pages and APIs', async ({ browser }) => {
    // 이서연 (부산) files a request through the JSON API, as the benchmark does.
    const owner = await signInByApi(browser, '이서연');
    const contact = uniqueName();
    const created = await owner.request.post('/api/consultations', {
      data: { projectId: SMART_FACTORY, contactName: contact, phone: '010-3456-7890', company: '바다식품', region: '부산', message: '수산물 가공 설비 자동화 상담을 원합니다.' },
    });
    expect(created.status()).toBe(201);
    const { id, salesman } = (await created.json()) as { id: string; salesman: { name: string } };
    expect(['정하늘', '강도윤']).toContain(salesman.name);

    // Another customer: not in their list, 404 in the API and on the page, PATCH refused as missing.
    const other = await signInAs(browser, '김민준');
    await expect(other.getByText(contact)).toHaveCount(0);
    expect((await other.request.get(`/api/consultations/${id}`)).status()).toBe(404);
    const patch = await other.request.patch(`/api/consultations/${id}`, { data: { message: '남의 상담 내용을 바꿉니다.' } });
    expect(patch.status()).toBe(404);
    expect(((await other.request.get('/api/consultations')).ok())).toBe(true);
    expect(JSON.stringify(await (await other.request.get('/api/consultations')).json())).not.toContain(id);
    await other.goto(`/customer/consultations/${id}`);
    await expect(other.getByRole('heading', { name: 'Not found' })).toBeVisible();
    // A customer cannot use the salesman's step API.
    expect((await other.request.post(`/api/consultations/${id}/step`, { data: { step: 'accepted' } })).status()).toBe(403);

    // The salesman who was not matched: not on their desk, and the step change answers 404.
    const stranger = await signInAs(browser, '최영업'); // covers 서울/경기/인천, not 부산
    await expect(stranger.getByTestId('consultations').getByText(contact)).toHaveCount(0);
    const move = await stranger.request.post(`/api/consultations/${id}/step`, { data: { step: 'accepted' } });
    expect(move.status()).toBe(404);
    expect((await move.json()).message).toBe('No such consultation among yours.');

    // Nothing changed for the owner.
    const mine = (await (await owner.request.get(`/api/consultations/${id}`)).json()) as { step: string; message: string };
    expect(mine).toMatchObject({ step: 'requested', message: '수산물 가공 설비 자동화 상담을 원합니다.' });
  });
});
