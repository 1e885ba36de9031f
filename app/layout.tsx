import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { signOut } from '@/app/actions/auth';
import { NAV } from '@/components/nav-items';
import { Providers } from '@/components/providers';
import { NavLinks } from '@/components/ui/nav-links';
import { currentViewer } from '@/lib/platform/session/current-viewer';
import './globals.css';

export const metadata: Metadata = { title: 'Switchboard', description: 'Support programmes, consultations and salesmen in one desk' };
export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1d3f9e' };
export const dynamic = 'force-dynamic';

const ROLE_LABEL = { staff: 'Staff', customer: 'Customer', salesman: 'Salesman' } as const;

/** One shell for every role: brand, the role's menu, who is signed in, sign out. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await currentViewer();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">Skip to content</a>
        <header className="top">
          <div className="top-inner">
            <Link className="brand" href="/">
              <span className="brand-mark" aria-hidden="true">S</span>
              Switchboard
            </Link>
            {viewer && <NavLinks items={NAV[viewer.role]} />}
            <div className="account">
              {viewer ? (
                <>
                  <span className="who" data-testid="viewer">
                    <span className="who-name">{viewer.name}</span>
                    <span className={`role-tag ${viewer.role}`}>{ROLE_LABEL[viewer.role]}</span>
                  </span>
                  <form action={signOut}>
                    <button type="submit" className="secondary small">Sign out</button>
                  </form>
                </>
              ) : (
                <span className="who muted" data-testid="viewer">Not signed in</span>
              )}
            </div>
          </div>
        </header>
        <Providers>
          <main id="main" tabIndex={-1}>{children}</main>
        </Providers>
      </body>
    </html>
  );
}
