import { NextResponse, type NextRequest } from 'next/server';
import { PATH_HEADER, SESSION_COOKIE } from './lib/auth/cookie';

/**
 * First, cheap line of defence: a request without a session cookie never
 * reaches a page (redirect to sign-in, coming back afterwards) or an API route
 * (401). It cannot tell a valid cookie from a stale one, so every page, action
 * and route still checks the session and the role itself (lib/session); this
 * only guarantees that a page or route someone forgets to guard is not open.
 */
const PUBLIC = [/^\/login\/?$/, /^\/api\/auth\//, /^\/api\/health\//];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const forward = new Headers(request.headers);
  forward.set(PATH_HEADER, pathname + search);
  if (PUBLIC.some((p) => p.test(pathname)) || request.cookies.has(SESSION_COOKIE)) {
    return NextResponse.next({ request: { headers: forward } });
  }
  if (pathname.startsWith('/api/')) {
    return NextResponse.json(
      { error: 'UNAUTHENTICATED', message: 'You are not signed in (or your session ended). Sign in and try again.' },
      { status: 401 },
    );
  }
  const login = new URL('/login', request.url);
  if (pathname !== '/') login.searchParams.set('next', pathname + search);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything except Next's own static assets.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
