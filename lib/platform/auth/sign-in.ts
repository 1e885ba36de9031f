import { db } from '../db';
import { AppError } from '../errors';
import { ROLE_HOME } from '../session/roles';
import type { Viewer } from '../session/viewer';
import { fieldErrorsOf } from '../validation';
import { dummyHash, verifyPassword } from './password';
import { signInSchema } from './schemas';
import { createSession, type NewSession } from './sessions';
import { assertMayTrySignIn, clearSignInFailures, recordSignInFailure } from './throttle';

/** The one answer for an unknown email and a wrong password alike: it must not tell which part was wrong. */
export const WRONG_CREDENTIALS = 'That email and password do not match an account. Check both and try again.';

export interface SignedIn extends NewSession {
  role: Viewer['role'];
  name: string;
  home: string;
}

/**
 * Checks an email and password and opens a session. An unknown email still
 * runs scrypt (against a dummy hash), so the refusal takes as long either way,
 * and counts towards the throttle like a known one (lib/auth/throttle.ts), so
 * the lock-out does not tell which emails exist either.
 */
export async function signIn({ input }: { input: unknown }): Promise<SignedIn> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID', 'Both fields are needed to sign in.', fieldErrorsOf(parsed.error));
  const { email, password } = parsed.data;
  await assertMayTrySignIn(email);

  const account = await db.account.findUnique({
    where: { email },
    select: { id: true, role: true, displayName: true, passwordHash: true, customerId: true, salesmanId: true },
  });
  const ok = await verifyPassword(password, account?.passwordHash ?? (await dummyHash()));
  if (!account || !ok) {
    await recordSignInFailure(email);
    throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
  }
  await clearSignInFailures(email);
  // An account whose person was never linked cannot act as anyone: refuse rather than sign in half-way.
  if ((account.role === 'customer' && !account.customerId) || (account.role === 'salesman' && !account.salesmanId)) {
    throw new AppError('FORBIDDEN', 'This account is not linked to a customer or salesman yet; ask staff to fix it.');
  }
  const session = await createSession(account.id);
  return { ...session, role: account.role, name: account.displayName, home: ROLE_HOME[account.role] };
}
