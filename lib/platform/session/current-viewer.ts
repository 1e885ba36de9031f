import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { PATH_HEADER, SESSION_COOKIE } from '../auth/cookie';
import { viewerForToken } from '../auth/sessions';
import { assertRole, ROLE_HOME } from './roles';
import type { Viewer } from './viewer';

/**
 * The signed-in viewer from the session cookie, or null. Cached per request, so
 * the layout and the page share one session lookup.
 */
export const currentViewer = cache(async (): Promise<Viewer | null> => {
  const jar = await cookies();
  return viewerForToken(jar.get(SESSION_COOKIE)?.value);
});

/** For API routes and actions: the viewer in that role, else UNAUTHENTICATED (401) or FORBIDDEN (403). */
export async function requireViewer<R extends Viewer['role']>(role: R): Promise<Extract<Viewer, { role: R }>> {
  return assertRole(await currentViewer(), role);
}

/**
 * For pages: the viewer in the given role, or a redirect: to the sign-in page
 * (coming back here afterwards) when nobody is signed in, to their own home
 * when the role is wrong.
 */
export async function pageViewer<R extends Viewer['role']>(role: R): Promise<Extract<Viewer, { role: R }>> {
  const viewer = await currentViewer();
  if (!viewer) {
    const here = (await headers()).get(PATH_HEADER);
    redirect(here ? `/login?next=${encodeURIComponent(here)}` : '/login');
  }
  if (viewer.role !== role) redirect(ROLE_HOME[viewer.role]);
  return viewer as Extract<Viewer, { role: R }>;
}
