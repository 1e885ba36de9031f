'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { SESSION_COOKIE, safeNextPath, secureCookie, sessionCookieOptions } from '@/lib/platform/auth/cookie';
import { endSession } from '@/lib/platform/auth/sessions';
import { signIn as openSession } from '@/lib/platform/auth/sign-in';
import { isAppError } from '@/lib/platform/errors';
import type { FormState } from './form-state';

/** Sign-in form: on success the session cookie is set and the browser goes to `next` or the role's home. */
export async function signIn(_prev: FormState, formData: FormData): Promise<FormState> {
  // The password is never echoed back into the form.
  const values = { email: String(formData.get('email') ?? ''), next: String(formData.get('next') ?? '') };
  let target: string;
  try {
    const session = await openSession({ input: { email: values.email, password: formData.get('password') ?? '' } });
    const secure = secureCookie(await headers());
    (await cookies()).set(SESSION_COOKIE, session.token, sessionCookieOptions(secure, session.expiresAt));
    target = safeNextPath(values.next) ?? session.home;
  } catch (e) {
    if (isAppError(e)) return { ok: false, message: e.message, fieldErrors: e.fieldErrors, values };
    console.error('[auth] sign-in failed', e);
    return { ok: false, message: 'Something went wrong on our side; please try again.', values };
  }
  // A role's page refuses another role: `next` pointing elsewhere just bounces to this role's home.
  redirect(target);
}

export async function signOut(): Promise<void> {
  const jar = await cookies();
  await endSession(jar.get(SESSION_COOKIE)?.value);
  jar.delete(SESSION_COOKIE);
  redirect('/login?signedOut=1');
}
