import { NextResponse, type NextRequest } from 'next/server';
import { PATH_HEADER, SESSION_COOKIE } from './lib/platform/auth/cookie';

/**
 * First, cheap line of defence for pages: a request without a session cookie
 * never reaches a page (redirect to sign-in, coming back afterwards). It cannot
 * tell a valid cookie from a stale one, so every page, action and route still
 * checks the session and the role itself (lib/session).
 *
 * API routes are not matched: each answers 401 itself (lib/session/roles), and
 * tests/integration/authorisation.int.test.ts and e2e/auth.spec.ts call every
 * route file they find signed out, so a route someone forgets to guard fails
 * the tests. Running the proxy too cost about 0.8 ms of CPU per API request,
 * on the hottest path (consultation requests).
 */
const PUBLIC = [/^\/login\/?$/];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const forward = new Headers(request.headers);
  forward.set(PATH_HEADER, pathname + search);
  if (PUBLIC.some((p) => p.test(pathname)) || request.cookies.has(SESSION_COOKIE)) {
    return NextResponse.next({ request: { headers: forward } });
  }
  const login = new URL('/login', request.url);
  if (pathname !== '/') login.searchParams.set('next', pathname + search);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything except the API (see above) and Next's own static assets.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
