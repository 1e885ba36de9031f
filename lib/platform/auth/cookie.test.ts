import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCookie, safeNextPath, secureCookie, sessionCookieOptions } from './cookie';
import { sessionTtlMs, showDemoAccounts } from './settings';

afterEach(() => vi.unstubAllEnvs());

describe('session cookie', () => {
  it('is HTTP-only and SameSite=Lax, with the session\'s expiry', () => {
    const expires = new Date('2026-12-01T00:00:00Z');
    expect(sessionCookieOptions(false, expires)).toEqual({ httpOnly: true, sameSite: 'lax', secure: false, path: '/', expires });
  });

  it('is Secure behind https (directly or via a TLS-terminating proxy), not on plain http', () => {
    expect(secureCookie(new Headers(), 'http://localhost:3000/login')).toBe(false);
    expect(secureCookie(new Headers(), 'https://desk.example/login')).toBe(true);
    expect(secureCookie(new Headers({ 'x-forwarded-proto': 'https' }), 'http://10.0.0.5/login')).toBe(true);
    expect(secureCookie(new Headers({ 'x-forwarded-proto': 'https, http' }))).toBe(true);
    expect(secureCookie(new Headers({ 'x-forwarded-proto': 'http' }), 'https://x/login')).toBe(false);
  });

  it('SESSION_COOKIE_SECURE=true|false overrides the detection', () => {
    vi.stubEnv('SESSION_COOKIE_SECURE', 'true');
    expect(secureCookie(new Headers(), 'http://localhost/')).toBe(true);
    vi.stubEnv('SESSION_COOKIE_SECURE', 'false');
    expect(secureCookie(new Headers({ 'x-forwarded-proto': 'https' }))).toBe(false);
  });

  it('reads one cookie from a Cookie header', () => {
    expect(readCookie('a=1; sb_session=abc=; b=2', 'sb_session')).toBe('abc=');
    expect(readCookie('xsb_session=1', 'sb_session')).toBeUndefined();
    expect(readCookie(null, 'sb_session')).toBeUndefined();
  });
});

describe('where sign-in may send you next', () => {
  it('only to a path on this site', () => {
    expect(safeNextPath('/customer')).toBe('/customer');
    expect(safeNextPath('/staff/timeline/project/1?from=x')).toBe('/staff/timeline/project/1?from=x');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '', undefined, 42, '/login?next=/x', '/api/auth/logout', '/a b', '/a"><script>']) {
      expect(safeNextPath(bad), String(bad)).toBeNull();
    }
  });
});

describe('sign-in settings', () => {
  it('shows demo accounts unless SHOW_DEMO_ACCOUNTS=false', () => {
    expect(showDemoAccounts()).toBe(true);
    vi.stubEnv('SHOW_DEMO_ACCOUNTS', 'FALSE');
    expect(showDemoAccounts()).toBe(false);
    vi.stubEnv('SHOW_DEMO_ACCOUNTS', 'true');
    expect(showDemoAccounts()).toBe(true);
  });

  it('sessions last SESSION_TTL_HOURS (default 7 days); nonsense falls back to the default', () => {
    expect(sessionTtlMs()).toBe(168 * 3_600_000);
    vi.stubEnv('SESSION_TTL_HOURS', '12');
    expect(sessionTtlMs()).toBe(12 * 3_600_000);
    vi.stubEnv('SESSION_TTL_HOURS', '-1');
    expect(sessionTtlMs()).toBe(168 * 3_600_000);
  });
});
