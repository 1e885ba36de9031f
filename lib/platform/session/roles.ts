import { AppError } from '../errors';
import type { Viewer } from './viewer';

/** Each role's own start page: where sign-in lands and where a wrong-role page sends you. */
export const ROLE_HOME: Record<Viewer['role'], string> = { staff: '/staff', customer: '/customer', salesman: '/salesman' };

/**
 * The role check every API route and server action goes through: nobody signed
 * in is UNAUTHENTICATED (401), the wrong role is FORBIDDEN (403).
 */
export function assertRole<R extends Viewer['role']>(viewer: Viewer | null, role: R): Extract<Viewer, { role: R }> {
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'You are not signed in (or your session ended). Sign in and try again.');
  if (viewer.role !== role) {
    throw new AppError('FORBIDDEN', `This is for the ${role} role; you are signed in as ${viewer.role}.`);
  }
  return viewer as Extract<Viewer, { role: R }>;
}

/** For routes open to every signed-in role (each scopes its own query by the viewer). */
export function assertSignedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'You are not signed in (or your session ended). Sign in and try again.');
  return viewer;
}
