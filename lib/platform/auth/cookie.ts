// Kept free of database and Node-only imports: proxy.ts reads the cookie name from here.

/** Holds the random session token; the database only stores its SHA-256. */
export const SESSION_COOKIE = 'sb_session';

/** Request header proxy.ts sets to the requested path, so a page can send a signed-out visitor back to it after sign-in. */
export const PATH_HEADER = 'x-switchboard-path';

/**
 * Whether the cookie gets the Secure flag. SESSION_COOKIE_SECURE=true|false
 * decides; unset ("auto"), it follows the request: https, or a TLS-terminating
 * proxy in front that says x-forwarded-proto: https. Plain http on localhost
 * (npm start, the tests) must not be Secure or the browser drops the cookie.
 */
export function secureCookie(headers: Headers, requestUrl?: string): boolean {
  const setting = process.env.SESSION_COOKIE_SECURE?.toLowerCase();
  if (setting === 'true') return true;
  if (setting === 'false') return false;
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === 'https';
  return requestUrl ? new URL(requestUrl).protocol === 'https:' : false;
}

export function sessionCookieOptions(secure: boolean, expiresAt: Date) {
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', expires: expiresAt };
}

/**
 * Where to go after signing in: only a same-site path ("/customer?x=1"),
 * never "//evil.example" or "https://…", so the login page cannot be used as
 * an open redirect.
 */
export function safeNextPath(next: unknown): string | null {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next.startsWith('/login') || next.startsWith('/api/')) return null;
  return /^[\w\-./?=&%~+:@!$'()*,;]*$/.test(next) ? next : null;
}

/** One cookie's value from a Cookie request header (for route handlers that read the raw request). */
export function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
