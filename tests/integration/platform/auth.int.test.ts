// Sign-in and sessions against the real database: hashed tokens, expiry, sign-out, and the refusals.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as login from '@/app/api/auth/login/route';
import * as logout from '@/app/api/auth/logout/route';
import { hashPassword } from '@/lib/platform/auth/password';
import { createSession, endSession, tokenHash, viewerForToken } from '@/lib/platform/auth/sessions';
import { signIn, WRONG_CREDENTIALS } from '@/lib/platform/auth/sign-in';
import { db } from '@/lib/platform/db';
import { AppError } from '@/lib/platform/errors';
import { makeAccount, PASSWORD } from '../accounts';
import { makeCustomer, makeSalesman } from '../helpers';

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

let customer: Awaited<ReturnType<typeof makeCustomer>>;
let customerAccount: Awaited<ReturnType<typeof makeAccount>>;

beforeAll(async () => {
  customer = await makeCustomer('광주');
  customerAccount = await makeAccount('customer', customer);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('signIn', () => {
  it('opens a session whose token is stored only as its SHA-256, and knows the person behind it', async () => {
    const s = await signIn({ input: { email: `  ${customerAccount.email.toUpperCase()} `, password: PASSWORD } });
    expect(s).toMatchObject({ role: 'customer', home: '/customer', name: customer.name });
    expect(s.token).toMatch(/^[\w-]{43}$/);
    const row = await db.session.findUniqueOrThrow({ where: { id: tokenHash(s.token) } });
    expect(row.accountId).toBe(customerAccount.id);
    expect(await db.session.count({ where: { id: s.token } })).toBe(0); // the raw token is nowhere in the table
    expect(await viewerForToken(s.token)).toEqual({ role: 'customer', customerId: customer.id, name: customer.name });
  });

  it('gives the same answer for a wrong password and an unknown email, without saying which was wrong', async () => {
    const before = await db.session.count({ where: { accountId: customerAccount.id } });
    const wrongPassword = await refusal(signIn({ input: { email: customerAccount.email, password: 'nope' } }));
    const unknownEmail = await refusal(signIn({ input: { email: 'nobody@test.example', password: PASSWORD } }));
    for (const e of [wrongPassword, unknownEmail]) {
      expect([e.code, e.status, e.message]).toEqual(['UNAUTHENTICATED', 401, WRONG_CREDENTIALS]);
      expect(e.message).not.toMatch(/password is wrong|no account|unknown/i);
      expect(e.fieldErrors).toBeUndefined();
    }
    expect(await db.session.count({ where: { accountId: customerAccount.id } })).toBe(before); // no session opened
  });

  it('asks for both fields when one is empty', async () => {
    const e = await refusal(signIn({ input: { email: '', password: '' } }));
    expect(e.code).toBe('INVALID');
    expect(e.fieldErrors).toEqual({ email: ['Enter your email'], password: ['Enter your password'] });
  });

  it('refuses an account that is not linked to its person', async () => {
    const broken = await db.account.create({
      data: { email: `broken-${Date.now()}@test.example`, role: 'salesman', displayName: 'x', passwordHash: await hashPassword(PASSWORD) },
    });
    expect((await refusal(signIn({ input: { email: broken.email, password: PASSWORD } }))).code).toBe('FORBIDDEN');
  });
});

describe('sessions', () => {
  it('end at their expiry time', async () => {
    vi.stubEnv('SESSION_TTL_HOURS', '1');
    const start = new Date();
    const { token, expiresAt } = await createSession(customerAccount.id, start);
    expect(expiresAt.getTime() - start.getTime()).toBe(3_600_000);
    expect(await viewerForToken(token, new Date(start.getTime() + 59 * 60_000))).not.toBeNull();
    expect(await viewerForToken(token, expiresAt)).toBeNull();
    expect(await viewerForToken(token, new Date(start.getTime() + 2 * 3_600_000))).toBeNull();
  });

  it('expired sessions of an account are cleared at its next sign-in', async () => {
    const old = await createSession(customerAccount.id, new Date(Date.now() - 30 * 24 * 3_600_000));
    expect(await db.session.count({ where: { id: tokenHash(old.token) } })).toBe(1);
    await signIn({ input: { email: customerAccount.email, password: PASSWORD } });
    expect(await db.session.count({ where: { id: tokenHash(old.token) } })).toBe(0);
  });

  it('sign-out invalidates the token at once, and only that session', async () => {
    const a = await createSession(customerAccount.id);
    const b = await createSession(customerAccount.id);
    await endSession(a.token);
    expect(await viewerForToken(a.token)).toBeNull();
    expect(await viewerForToken(b.token)).not.toBeNull();
  });

  it('ignores malformed, unknown and forged tokens', async () => {
    const salesman = await makeSalesman(['광주']);
    const account = await makeAccount('salesman', salesman);
    const { token } = await createSession(account.id);
    expect(await viewerForToken(token)).toEqual({ role: 'salesman', salesmanId: salesman.id, name: salesman.name });
    for (const bad of [undefined, '', 'staff', `customer:${customer.id}`, tokenHash(token), `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, `${token}x`]) {
      expect(await viewerForToken(bad)).toBeNull();
    }
  });
});

describe('POST /api/auth/login and /api/auth/logout', () => {
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    login.POST(new Request('http://localhost/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }));

  it('sets an HTTP-only, SameSite=Lax session cookie with an expiry; Secure only behind https', async () => {
    const res = await post({ email: customerAccount.email, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ role: 'customer', home: '/customer' });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^sb_session=[\w-]{43}; Path=\/; Expires=[^;]+ GMT; HttpOnly; SameSite=Lax$/);
    const behindTls = await post({ email: customerAccount.email, password: PASSWORD }, { 'x-forwarded-proto': 'https' });
    expect(behindTls.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('answers 401 with the same message for a wrong password and an unknown email, and sets no cookie', async () => {
    for (const body of [{ email: customerAccount.email, password: 'wrong' }, { email: 'nobody@test.example', password: PASSWORD }]) {
      const res = await post(body);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'UNAUTHENTICATED', message: WRONG_CREDENTIALS });
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('locks an email out after 5 failed sign-ins (429, even with the right password), until they age out', async () => {
    const account = await makeAccount('customer', await makeCustomer('광주'));
    for (let i = 0; i < 5; i++) expect((await post({ email: account.email, password: `guess-${i}` })).status).toBe(401);
    const locked = await post({ email: account.email, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ error: 'TOO_MANY_ATTEMPTS', message: 'Too many failed sign-ins for this email. Wait 15 minutes, then try again.' });
    expect(locked.headers.get('set-cookie')).toBeNull();
    expect(await db.loginFailure.count({ where: { email: account.email } })).toBe(5); // tries while locked are not counted

    // An unknown email locks the same way, so the lock-out does not tell which emails exist.
    const ghost = `ghost-${account.id.slice(0, 8)}@test.example`;
    for (let i = 0; i < 5; i++) await post({ email: ghost, password: 'x' });
    expect((await post({ email: ghost, password: 'x' })).status).toBe(429);

    // Fifteen minutes later the failures have aged out: the right password works and clears them.
    await db.loginFailure.updateMany({ where: { email: account.email }, data: { at: new Date(Date.now() - 15 * 60_000 - 1_000) } });
    expect((await post({ email: account.email, password: PASSWORD })).status).toBe(200);
    expect(await db.loginFailure.count({ where: { email: account.email } })).toBe(0);
  });

  it('LOGIN_MAX_FAILURES and LOGIN_LOCK_MINUTES set the limit and the window', async () => {
    vi.stubEnv('LOGIN_MAX_FAILURES', '2');
    vi.stubEnv('LOGIN_LOCK_MINUTES', '1');
    const account = await makeAccount('staff');
    await post({ email: account.email, password: 'a' });
    expect((await post({ email: account.email, password: PASSWORD })).status).toBe(200); // one failure, then cleared
    await post({ email: account.email, password: 'a' });
    await post({ email: account.email, password: 'b' });
    const locked = await post({ email: account.email, password: PASSWORD });
    expect([locked.status, (await locked.json()).message]).toEqual([429, 'Too many failed sign-ins for this email. Wait 1 minute, then try again.']);
  });

  it('accepts only JSON, so a cross-site form cannot sign a visitor in', async () => {
    const res = await login.POST(
      new Request('http://localhost/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `email=${encodeURIComponent(customerAccount.email)}&password=${PASSWORD}`,
      }),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('logout ends the session behind the cookie and clears it', async () => {
    const cookie = (await post({ email: customerAccount.email, password: PASSWORD })).headers.get('set-cookie')!;
    const token = /sb_session=([^;]+)/.exec(cookie)![1]!;
    expect(await viewerForToken(token)).not.toBeNull();
    const res = await logout.POST(new Request('http://localhost/api/auth/logout', { method: 'POST', headers: { cookie: `other=1; sb_session=${token}` } }));
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^sb_session=; .*Expires=Thu, 01 Jan 1970/);
    expect(await viewerForToken(token)).toBeNull();
  });
});
