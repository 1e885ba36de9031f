import { createHash, randomBytes } from 'node:crypto';
import { db } from '../db';
import type { Viewer } from '../session/viewer';
import { sessionTtlMs } from './settings';

/** 32 random bytes, base64url: what the cookie holds. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The Session row's id: a database dump alone cannot be replayed as cookies. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewSession {
  token: string;
  expiresAt: Date;
}

/** Opens a session for an account; the caller puts the token in the cookie. */
export async function createSession(accountId: string, now = new Date()): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + sessionTtlMs());
  // Housekeeping on the way in: this account's ended sessions go (keeps the table small without a job).
  await db.session.deleteMany({ where: { accountId, expiresAt: { lte: now } } });
  await db.session.create({ data: { id: tokenHash(token), accountId, expiresAt } });
  return { token, expiresAt };
}

/**
 * The viewer a session token stands for, or null when the token is missing,
 * malformed, unknown, signed out or expired. The role and the person come from
 * the account row, never from anything the browser sends.
 */
export async function viewerForToken(token: string | undefined, now = new Date()): Promise<Viewer | null> {
  if (!token || !TOKEN_SHAPE.test(token)) return null;
  const session = await db.session.findUnique({
    where: { id: tokenHash(token) },
    select: {
      expiresAt: true,
      account: {
        select: {
          role: true,
          displayName: true,
          customer: { select: { id: true, name: true } },
          salesman: { select: { id: true, name: true } },
        },
      },
    },
  });
  if (!session || session.expiresAt <= now) return null;
  const { role, displayName, customer, salesman } = session.account;
  if (role === 'staff') return { role, name: displayName };
  if (role === 'customer') return customer ? { role, customerId: customer.id, name: customer.name } : null;
  return salesman ? { role, salesmanId: salesman.id, name: salesman.name } : null;
}

/** Signs out: the row goes, so the same cookie is worthless even if it was copied. */
export async function endSession(token: string | undefined): Promise<void> {
  if (!token || !TOKEN_SHAPE.test(token)) return;
  await db.session.deleteMany({ where: { id: tokenHash(token) } });
}
