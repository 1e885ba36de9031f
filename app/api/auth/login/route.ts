import { SESSION_COOKIE, secureCookie, sessionCookieOptions } from '@/lib/platform/auth/cookie';
import { signIn } from '@/lib/platform/auth/sign-in';
import { AppError } from '@/lib/platform/errors';
import { jsonResponse, readJson } from '@/lib/platform/http';

export const dynamic = 'force-dynamic';

/**
 * POST { email, password } -> 200 { role, name, home, expiresAt } and the
 * session cookie (for scripts and the benchmark; browsers use the login page).
 * Only application/json is accepted: a cross-site HTML form cannot send it, so
 * another site cannot sign a visitor in to an account of its choosing.
 */
export async function POST(request: Request) {
  let cookie: string | undefined;
  const response = await jsonResponse(async () => {
    if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/json')) {
      throw new AppError('INVALID', 'Send the email and password as JSON (Content-Type: application/json).');
    }
    const session = await signIn({ input: await readJson(request) });
    const opts = sessionCookieOptions(secureCookie(request.headers, request.url), session.expiresAt);
    cookie = serialize(session.token, opts);
    return { role: session.role, name: session.name, home: session.home, expiresAt: session.expiresAt.toISOString() };
  });
  if (cookie) response.headers.append('set-cookie', cookie);
  return response;
}

/** Set-Cookie by hand rather than cookies(): the handler then works the same when tests call it directly. */
function serialize(token: string, o: ReturnType<typeof sessionCookieOptions>): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    `Path=${o.path}`,
    `Expires=${o.expires.toUTCString()}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(o.secure ? ['Secure'] : []),
  ].join('; ');
}
