import type { Viewer } from '@/lib/platform/session/viewer';

/** Every page of each role, in menu order. */
export const NAV: Record<Viewer['role'], { href: string; label: string }[]> = {
  staff: [
    { href: '/staff', label: 'Consultations' },
    { href: '/staff/projects', label: 'Projects' },
    { href: '/staff/stats', label: 'Statistics' },
    { href: '/staff/commerce', label: 'Commerce' },
    { href: '/staff/promotions', label: 'Promotions' },
    { href: '/staff/settlement', label: 'Settlement' },
    { href: '/staff/customers', label: 'Customers' },
    { href: '/staff/dead-letters', label: 'Dead letters' },
  ],
  customer: [
    { href: '/customer', label: 'Consultations' },
    { href: '/customer/interests', label: 'Projects & interests' },
    { href: '/customer/notifications', label: 'Notifications' },
    { href: '/customer/shop', label: 'My orders' },
  ],
  salesman: [{ href: '/salesman', label: 'Desk' }],
};
