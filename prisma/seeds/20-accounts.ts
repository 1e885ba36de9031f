import { hashPassword } from '../../lib/platform/auth/password';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo-data';

/**
 * Demo sign-ins (after 10-sales-desk, which creates their people). An existing
 * account is left as it is, password included, so re-seeding never resets a
 * password someone changed, and costs no scrypt work; it only gains its shop
 * user link if it has none yet. The link is a plain id: the shop user itself
 * comes from the catalogue seed (40-commerce-catalogue), which runs later.
 */
export default async function seed(db: PrismaClient): Promise<string> {
  let created = 0;
  for (const a of DEMO_ACCOUNTS) {
    const existing = await db.account.findUnique({ where: { email: a.email }, select: { id: true, shopUserId: true } });
    if (existing) {
      if (a.shopUserId && !existing.shopUserId) await db.account.update({ where: { id: existing.id }, data: { shopUserId: a.shopUserId } });
      continue;
    }
    await db.account.create({
      data: {
        email: a.email,
        role: a.role,
        displayName: a.displayName,
        customerId: a.customerId ?? null,
        salesmanId: a.salesmanId ?? null,
        shopUserId: a.shopUserId ?? null,
        passwordHash: await hashPassword(DEMO_PASSWORD),
      },
    });
    created++;
  }
  return `${DEMO_ACCOUNTS.length} demo accounts (${created} new)`;
}
