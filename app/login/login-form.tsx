'use client';

import { useActionState } from 'react';
import { signIn } from '@/app/actions/auth';
import type { FormState } from '@/app/actions/form-state';
import { FieldError, fieldAttrs, FormNotice } from '@/components/ui/form';
import type { DemoAccount } from '@/lib/platform/auth/demo-accounts';

const ROLE_LABEL = { staff: 'Staff', customer: 'Customer', salesman: 'Salesman' } as const;

interface Props {
  next: string;
  demo: { password: string; accounts: DemoAccount[] } | null;
}

/** Email + password; the demo list (development) signs in with one click through the same action. */
export function LoginForm({ next, demo }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(signIn, {});
  const err = state.fieldErrors ?? {};
  return (
    <>
      <form action={action} className="stack" noValidate aria-labelledby="login-h">
        <input type="hidden" name="next" value={next} />
        <label htmlFor="f-email">
          Email
          <input {...fieldAttrs('email', err)} type="email" autoComplete="username" defaultValue={state.values?.email ?? ''} key={state.values?.email} required />
          <FieldError name="email" errors={err.email} />
        </label>
        <label htmlFor="f-password">
          Password
          <input {...fieldAttrs('password', err)} type="password" autoComplete="current-password" required />
          <FieldError name="password" errors={err.password} />
        </label>
        <FormNotice state={state} />
        <button type="submit" disabled={pending}>{pending ? 'Signing in…' : 'Sign in'}</button>
      </form>
      {demo && demo.accounts.length > 0 && (
        <section className="demo-accounts" aria-labelledby="demo-h" data-testid="demo-accounts">
          <h2 id="demo-h">Demo accounts</h2>
          <p className="muted">
            For trying Switchboard out. Every demo account uses the password <code>{demo.password}</code>.
          </p>
          <ul>
            {demo.accounts.map((a) => (
              <li key={a.email}>
                <form action={action}>
                  <input type="hidden" name="email" value={a.email} />
                  <input type="hidden" name="password" value={demo.password} />
                  <input type="hidden" name="next" value={next} />
                  <button type="submit" className="secondary demo" disabled={pending} aria-label={`Sign in as ${a.name} (${ROLE_LABEL[a.role]})`}>
                    <span className="demo-name">{a.name} <span className={`role-tag ${a.role}`}>{ROLE_LABEL[a.role]}</span></span>
                    <span className="muted">{a.email}</span>
                    <span className="muted">{a.detail}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
