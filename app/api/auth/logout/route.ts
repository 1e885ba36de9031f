import { readCookie, SESSION_COOKIE } from '@/lib/platform/auth/cookie';
import { endSession } from '@/lib/platform/auth/sessions';

export const dynamic = 'force-dynamic';

/** POST -> 204: ends the session (the row goes, so a copied cookie is worthless) and clears the cookie. */
export async function POST(request: Request) {
  await endSession(readCookie(request.headers.get('cookie'), SESSION_COOKIE));
  return new Response(null, {
    status: 204,
    headers: { 'set-cookie': `${SESSION_COOKIE}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax` },
  });
}
