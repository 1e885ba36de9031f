// Role and ownership checks of the API routes and server actions, called directly as Next calls them,
// with next/headers' cookie jar mocked to hold a real session token (or none).
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { changeStep, editRequest, requestConsultation } from '@/app/actions/consultations';
import * as consultationRoute from '@/app/api/consultations/[id]/route';
import * as stepRoute from '@/app/api/consultations/[id]/step/route';
import * as listRoute from '@/app/api/consultations/route';
import { createConsultation } from '@/lib/sales/consultations/create-consultation';
import { db } from '@/lib/platform/db';
import { makeAccount, tokenFor } from '../accounts';
import { isolateRegion, makeCustomer, makeProject, makeSalesman, requestFor, ROOT } from '../helpers';

const jar = vi.hoisted(() => ({ token: undefined as string | undefined }));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (name === 'sb_session' && jar.token ? { name, value: jar.token } : undefined),
    set: () => {},
    delete: () => {},
  }),
  headers: async () => new Headers(),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const REGION = '대전'; // this file's own region
const tokens = {} as Record<'alice' | 'bob' | 'owner' | 'stranger' | 'staff', string>;
let consultationId: string;
let project: Awaited<ReturnType<typeof makeProject>>;

const as = (who: keyof typeof tokens | null) => {
  jar.token = who ? tokens[who] : undefined;
};
const json = (body: unknown, method = 'POST') =>
  new Request('http://localhost/api', { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const get = () => new Request('http://localhost/api');
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const form = (values: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
};
const stored = () => db.consultation.findUniqueOrThrow({ where: { id: consultationId } });

beforeAll(async () => {
  await isolateRegion(REGION);
  project = await makeProject();
  const [alice, bob, owner, stranger] = await Promise.all([makeCustomer(REGION), makeCustomer(REGION), makeSalesman([REGION]), makeSalesman(['울산'])]);
  const accounts = await Promise.all([
    makeAccount('customer', alice), makeAccount('customer', bob), makeAccount('salesman', owner), makeAccount('salesman', stranger), makeAccount('staff'),
  ]);
  const [a, b, o, s, st] = await Promise.all(accounts.map((x) => tokenFor(x.id)));
  Object.assign(tokens, { alice: a, bob: b, owner: o, stranger: s, staff: st });
  consultationId = (await createConsultation({ customerId: alice.id, input: requestFor(project.id, REGION) })).consultation.id;
});
afterAll(() => isolateRegion(REGION));

describe('signed out', () => {
  it('every API route outside /api/auth and /api/health answers 401', async () => {
    const routes = fs
      .readdirSync(path.join(ROOT, 'app/api'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('route.ts') && !/^(auth|health)\//.test(f));
    expect(routes.length).toBeGreaterThanOrEqual(3);
    as(null);
    const answers: string[] = [];
    for (const file of routes) {
      const mod = (await import(path.join(ROOT, 'app/api', file))) as Record<string, unknown>;
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => typeof mod[m] === 'function')) {
        const handler = mod[method] as (r: Request, ctx: unknown) => Promise<Response>;
        const req = new Request('http://localhost/api/x', method === 'GET' ? {} : { method, headers: { 'content-type': 'application/json' }, body: '{}' });
        const id = randomUUID();
        const res = await handler(req, { params: Promise.resolve(new Proxy({}, { get: () => id })) });
        answers.push(`${method} ${file} ${res.status}`);
      }
    }
    expect(answers.filter((a) => !a.endsWith(' 401'))).toEqual([]);
    console.log(`checked signed-out refusal of ${answers.length} handlers:\n${answers.join('\n')}`);
  });

  it('server actions refuse with a sign-in message and change nothing', async () => {
    as(null);
    const before = await stored();
    const results = [
      await requestConsultation({}, form(requestFor(project.id, REGION))),
      await changeStep({}, form({ consultationId, step: 'accepted' })),
      await editRequest({}, form({ consultationId, message: '로그인 없이 바꾼 내용입니다.' })),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/not signed in/) });
    expect(await stored()).toEqual(before);
  });
});

describe('customers', () => {
  it('see and edit only their own consultations (API)', async () => {
    as('bob');
    expect((await consultationRoute.GET(get(), params(consultationId))).status).toBe(404);
    const patch = await consultationRoute.PATCH(json({ message: '남의 상담을 고치려는 시도입니다.' }, 'PATCH'), params(consultationId));
    expect(patch.status).toBe(404);
    const list = (await (await listRoute.GET()).json()) as { consultations: { id: string }[] };
    expect(list.consultations.map((c) => c.id)).not.toContain(consultationId);
    as('alice');
    expect((await consultationRoute.GET(get(), params(consultationId))).status).toBe(200);
  });

  it('cannot edit someone else\'s consultation through the action either', async () => {
    as('bob');
    const before = await stored();
    const r = await editRequest({}, form({ consultationId, contactName: '김철수', phone: '010-1111-2222', company: '남의회사', message: '남의 상담을 고치려는 시도입니다.' }));
    expect(r).toMatchObject({ ok: false, message: 'No such consultation among yours.' });
    expect(await stored()).toEqual(before);
  });

  it('cannot call salesman actions or routes', async () => {
    as('alice');
    const before = await stored();
    expect(await changeStep({}, form({ consultationId, step: 'accepted' }))).toMatchObject({
      ok: false,
      message: 'This is for the salesman role; you are signed in as customer.',
    });
    expect((await stepRoute.POST(json({ step: 'accepted' }), params(consultationId))).status).toBe(403);
    expect(await stored()).toEqual(before);
  });
});

describe('salesmen', () => {
  it('cannot change or read a consultation matched to someone else', async () => {
    as('stranger');
    const before = await stored();
    expect((await stepRoute.POST(json({ step: 'accepted' }), params(consultationId))).status).toBe(404);
    expect(await changeStep({}, form({ consultationId, step: 'canceled' }))).toMatchObject({ ok: false, message: 'No such consultation among yours.' });
    expect((await consultationRoute.GET(get(), params(consultationId))).status).toBe(404);
    expect(await stored()).toEqual(before);
  });

  it('cannot edit a customer\'s request or file one', async () => {
    as('owner');
    expect((await consultationRoute.PATCH(json({ message: '영업대표가 바꾼 내용입니다.' }, 'PATCH'), params(consultationId))).status).toBe(403);
    expect(await requestConsultation({}, form(requestFor(project.id, REGION)))).toMatchObject({ ok: false, message: /customer role/ });
    expect((await listRoute.POST(json(requestFor(project.id, REGION)))).status).toBe(403);
  });
});

describe('the matched salesman and the owner', () => {
  it('edit while requested; once accepted the customer is refused with the reason', async () => {
    as('alice');
    const ok = await consultationRoute.PATCH(json({ message: '방문 상담을 원합니다. 오후가 좋습니다.' }, 'PATCH'), params(consultationId));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ step: 'requested', changed: ['message'] });

    as('owner');
    expect(await changeStep({}, form({ consultationId, step: 'accepted' }))).toMatchObject({ ok: true });

    as('alice');
    const refused = await consultationRoute.PATCH(json({ message: '수락된 뒤에 바꾸려는 내용입니다.' }, 'PATCH'), params(consultationId));
    expect(refused.status).toBe(409);
    expect((await refused.json()).message).toMatch(/already accepted.*can no longer be edited/);
    const viaAction = await editRequest({}, form({ consultationId, contactName: '홍길동', phone: '010-1111-2222', company: '길동상회', message: '수락된 뒤에 바꾸려는 내용입니다.' }));
    expect(viaAction).toMatchObject({ ok: false, message: expect.stringMatching(/already accepted/) });
    expect((await stored()).message).toBe('방문 상담을 원합니다. 오후가 좋습니다.');
  });

  it('staff may read any consultation but not act as customer or salesman', async () => {
    as('staff');
    expect((await consultationRoute.GET(get(), params(consultationId))).status).toBe(200);
    expect((await stepRoute.POST(json({ step: 'in_progress' }), params(consultationId))).status).toBe(403);
    expect((await consultationRoute.PATCH(json({ message: '운영팀이 바꾼 내용입니다.' }, 'PATCH'), params(consultationId))).status).toBe(403);
  });
});
