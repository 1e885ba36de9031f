import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { safeNextPath } from '@/lib/platform/auth/cookie';
import { listDemoAccounts } from '@/lib/platform/auth/demo-accounts';
import { showDemoAccounts } from '@/lib/platform/auth/settings';
import { currentViewer } from '@/lib/platform/session/current-viewer';
import { ROLE_HOME } from '@/lib/platform/session/roles';
import { LoginForm } from './login-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in · Switchboard' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; signedOut?: string }> }) {
  const [viewer, params] = await Promise.all([currentViewer(), searchParams]);
  const next = safeNextPath(params.next);
  if (viewer) redirect(next ?? ROLE_HOME[viewer.role]);
  const demo = showDemoAccounts() ? await listDemoAccounts() : null;
  return (
    <div className="login">
      <section className="panel login-card" aria-labelledby="login-h">
        <h1 id="login-h">Sign in</h1>
        <p className="muted">Staff, customers and salesmen each see their own desk.</p>
        {params.signedOut && <p className="notice ok" role="status">You are signed out.</p>}
        {next && !params.signedOut && <p className="notice info">Sign in to continue to that page.</p>}
        <LoginForm next={next ?? ''} demo={demo} />
      </section>
    </div>
  );
}
