import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../../prisma/demo-data';
import { db } from '../db';
import type { Viewer } from '../session/viewer';

export interface DemoAccount {
  email: string;
  role: Viewer['role'];
  name: string;
  detail: string;
}

/**
 * The seeded demo sign-ins that exist in this database, for the login page.
 * Only the fixed demo list is ever shown, never other accounts.
 */
export async function listDemoAccounts(): Promise<{ password: string; accounts: DemoAccount[] }> {
  const rows = await db.account.findMany({
    where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } },
    select: {
      email: true,
      role: true,
      displayName: true,
      customer: { select: { company: true, region: true } },
      salesman: { select: { regions: { select: { region: true } } } },
    },
  });
  const byEmail = new Map(rows.map((r) => [r.email, r]));
  const accounts = DEMO_ACCOUNTS.flatMap((a) => {
    const r = byEmail.get(a.email);
    if (!r) return [];
    const detail = r.customer
      ? `${r.customer.company} · ${r.customer.region}`
      : r.salesman
        ? `Covers ${r.salesman.regions.map((x) => x.region).join(', ')}`
        : 'Projects, statistics, all consultations';
    return [{ email: r.email, role: r.role, name: r.displayName, detail }];
  });
  return { password: DEMO_PASSWORD, accounts };
}
