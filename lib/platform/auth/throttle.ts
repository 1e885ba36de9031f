import { db } from '../db';
import { AppError } from '../errors';
import { loginThrottle } from './settings';

export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
}

/**
 * When an email may try to sign in again, given its failed sign-ins, or null
 * when it may now. Locked while the window holds maxFailures failures; the lock
 * lifts when enough of the oldest have aged out of the window.
 */
export function lockedUntil(failures: Date[], now: Date, rule: ThrottleRule): Date | null {
  const recent = failures.map((f) => f.getTime()).filter((t) => now.getTime() - t < rule.windowMs).sort((a, b) => a - b);
  if (recent.length < rule.maxFailures) return null;
  return new Date(recent[recent.length - rule.maxFailures]! + rule.windowMs);
}

/** The refusal while locked, saying when to come back. */
export function tooManyAttempts(until: Date, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError(
    'TOO_MANY_ATTEMPTS',
    `Too many failed sign-ins for this email. Wait ${minutes} minute${minutes === 1 ? '' : 's'}, then try again.`,
  );
}

/** Refuses (429) when the email is locked out; otherwise returns. Checked before the password, so guessing stops. */
export async function assertMayTrySignIn(email: string, now = new Date()): Promise<void> {
  const rule = loginThrottle();
  const rows = await db.loginFailure.findMany({ where: { email, at: { gt: new Date(now.getTime() - rule.windowMs) } }, select: { at: true } });
  const until = lockedUntil(rows.map((r) => r.at), now, rule);
  if (until) throw tooManyAttempts(until, now);
}

/** Counts a failed sign-in, and drops this email's failures that have aged out (keeps the table small without a job). */
export async function recordSignInFailure(email: string, now = new Date()): Promise<void> {
  const { windowMs } = loginThrottle();
  await db.$transaction([
    db.loginFailure.deleteMany({ where: { email, at: { lte: new Date(now.getTime() - windowMs) } } }),
    db.loginFailure.create({ data: { email, at: now } }),
  ]);
}

/** A successful sign-in forgets the email's failures. */
export async function clearSignInFailures(email: string): Promise<void> {
  await db.loginFailure.deleteMany({ where: { email } });
}
