import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { NAV } from '@/components/nav-items';
import { Providers } from '@/components/providers';
import { currentViewer } from '@/lib/session/current-viewer';
import './globals.css';

export const metadata: Metadata = { title: 'Switchboard', description: 'Event-driven customer operations' };
export const dynamic = 'force-dynamic';


export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await currentViewer();
  return (
    <html lang="en">
      <body>
        <header className="top">
          <Link className="brand" href="/">Switchboard</Link>
          <nav aria-label="Main">
            {viewer && NAV[viewer.role].map((n) => <Link key={n.href} href={n.href}>{n.label}</Link>)}
          </nav>
          <span className="who" data-testid="viewer">
            {viewer ? `${viewer.name} · ${viewer.role}` : 'No role chosen'}
          </span>
          <Link href="/">Switch role</Link>
        </header>
        <Providers>
          <main>{children}</main>
        </Providers>
      </body>
    </html>
  );
}
