'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const TABS = [
  { href: '/staff/settlement', label: 'Overview' },
  { href: '/staff/settlement/statistics', label: 'Daily statistics' },
  { href: '/staff/settlement/calendar', label: 'Payout calendar' },
  { href: '/staff/settlement/rules', label: 'Rules' },
  { href: '/staff/settlement/merchants', label: 'Merchants' },
  { href: '/staff/settlement/reconciliation', label: 'Reconciliation' },
];

/** The desk's sections; the current one (longest matching prefix) is marked for screen readers and the eye. */
export function SettlementTabs() {
  const path = usePathname();
  const current = TABS.filter((t) => path === t.href || path.startsWith(`${t.href}/`)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label="Settlement" className="section-tabs">
      <ul>
        {TABS.map((t) => (
          <li key={t.href}><Link href={t.href} aria-current={t.href === current ? 'page' : undefined}>{t.label}</Link></li>
        ))}
      </ul>
    </nav>
  );
}
