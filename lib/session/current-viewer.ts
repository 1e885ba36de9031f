import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { db } from '../db';
import { AppError } from '../errors';
import type { Viewer } from './viewer';

/** Cookie holding the chosen role until real login arrives: "staff", "customer:<id>" or "salesman:<id>". */
export const VIEWER_COOKIE = 'sb_viewer';

export async function resolveViewer(value: string | undefined): Promise<Viewer | null> {
  if (!value) return null;
  if (value === 'staff') return { role: 'staff', name: 'Staff' };
  const [role, id] = value.split(':');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  if (role === 'customer') {
    const c = await db.customer.findUnique({ where: { id }, select: { id: true, name: true } });
    return c ? { role: 'customer', customerId: c.id, name: c.name } : null;
  }
  if (role === 'salesman') {
    const s = await db.salesman.findUnique({ where: { id }, select: { id: true, name: true } });
    return s ? { role: 'salesman', salesmanId: s.id, name: s.name } : null;
  }
  return null;
}

export async function currentViewer(): Promise<Viewer | null> {
  const jar = await cookies();
  return resolveViewer(jar.get(VIEWER_COOKIE)?.value);
}

/** For API routes and actions: the viewer, or a FORBIDDEN error naming the role needed. */
export async function requireViewer<R extends Viewer['role']>(role: R): Promise<Extract<Viewer, { role: R }>> {
  const viewer = await currentViewer();
  if (!viewer) throw new AppError('FORBIDDEN', 'Choose a role first (Switch role at the top of the page).');
  if (viewer.role !== role) throw new AppError('FORBIDDEN', `This is for the ${role} role; you are signed in as ${viewer.role}.`);
  return viewer as Extract<Viewer, { role: R }>;
}

/**
 * For pages: the viewer in the given role, or a redirect (to the sign-in page
 * when nobody is signed in, to their own home when the role is wrong).
 */
export async function pageViewer<R extends Viewer['role']>(role: R): Promise<Extract<Viewer, { role: R }>> {
  const viewer = await currentViewer();
  if (!viewer) redirect('/');
  if (viewer.role !== role) redirect(`/${viewer.role}`);
  return viewer as Extract<Viewer, { role: R }>;
}
