'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const TABS = [
  { href: '/staff/customers', label: 'Overview & search' },
  { href: '/staff/customers/support-contacts', label: 'Support desk contacts' },
  { href: '/staff/customers/rules', label: 'Match rules' },
];

/** The desk's sections; a profile page (/staff/customers/<id>) belongs to the overview. */
export function CustomerTabs() {
  const path = usePathname();
  const current = TABS.slice(1).find((t) => path.startsWith(t.href))?.href ?? TABS[0]!.href;
  return (
    <nav aria-label="Customers" className="section-tabs">
      <ul>
        {TABS.map((t) => (
          <li key={t.href}><Link href={t.href} aria-current={t.href === current ? 'page' : undefined}>{t.label}</Link></li>
        ))}
      </ul>
    </nav>
  );
}
