'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/**
 * The role's menu; the entry for the current page (the longest matching
 * prefix, so /staff/projects/123 lights up "Projects", not "Consultations")
 * carries aria-current for screen readers and the highlight.
 */
export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const path = usePathname();
  const current = items
    .filter((i) => path === i.href || path.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label="Main" className="main-nav">
      <ul>
        {items.map((i) => (
          <li key={i.href}>
            <Link href={i.href} aria-current={i.href === current ? 'page' : undefined}>
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
