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
  // Every signed-in request starts here, so it is one statement (Prisma's nested select would be several).
  const [row] = await db.$queryRaw<SessionRow[]>`
    SELECT a.role::text AS role, a."displayName", s."expiresAt", c.id AS "customerId", c.name AS "customerName",
           m.id AS "salesmanId", m.name AS "salesmanName"
    FROM "Session" s JOIN "Account" a ON a.id = s."accountId"
    LEFT JOIN "Customer" c ON c.id = a."customerId"
    LEFT JOIN "Salesman" m ON m.id = a."salesmanId"
    WHERE s.id = ${tokenHash(token)}`;
  if (!row || row.expiresAt <= now) return null;
  if (row.role === 'staff') return { role: 'staff', name: row.displayName };
  if (row.role === 'customer') return row.customerId ? { role: 'customer', customerId: row.customerId, name: row.customerName! } : null;
  return row.salesmanId ? { role: 'salesman', salesmanId: row.salesmanId, name: row.salesmanName! } : null;
}

interface SessionRow {
  role: Viewer['role'];
  displayName: string;
  expiresAt: Date;
  customerId: string | null;
  customerName: string | null;
  salesmanId: string | null;
  salesmanName: string | null;
}

/** Signs out: the row goes, so the same cookie is worthless even if it was copied. */
export async function endSession(token: string | undefined): Promise<void> {
  if (!token || !TOKEN_SHAPE.test(token)) return;
  await db.session.deleteMany({ where: { id: tokenHash(token) } });
}
