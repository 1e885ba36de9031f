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
  const existing = new Map((await db.account.findMany({
    where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } }, select: { id: true, email: true, shopUserId: true },
  })).map((e) => [e.email, e]));
  for (const a of DEMO_ACCOUNTS) {
    const e = existing.get(a.email);
    if (e && a.shopUserId && !e.shopUserId) await db.account.update({ where: { id: e.id }, data: { shopUserId: a.shopUserId } });
  }
  const missing = DEMO_ACCOUNTS.filter((a) => !existing.has(a.email));
  // side by side: scrypt runs on libuv's pool, so the hashes take one core each instead of one after another
  const hashes = await Promise.all(missing.map(() => hashPassword(DEMO_PASSWORD)));
  await db.account.createMany({
    data: missing.map((a, i) => ({
      email: a.email,
      role: a.role,
      displayName: a.displayName,
      customerId: a.customerId ?? null,
      salesmanId: a.salesmanId ?? null,
      shopUserId: a.shopUserId ?? null,
      passwordHash: hashes[i]!,
    })),
  });
  return `${DEMO_ACCOUNTS.length} demo accounts (${missing.length} new)`;
}
