// Sign-in test data: accounts with unique emails and sessions, for the auth and authorisation tests.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '@/lib/platform/auth/password';
import { createSession } from '@/lib/platform/auth/sessions';
import { db } from '@/lib/platform/db';

export const PASSWORD = 'test-password-1';

export async function makeAccount(role: 'staff' | 'customer' | 'salesman', person?: { id: string; name: string }) {
  return db.account.create({
    data: {
      email: `${role}-${randomUUID().slice(0, 8)}@test.example`,
      role,
      displayName: person?.name ?? '테스트 운영',
      customerId: role === 'customer' ? person!.id : null,
      salesmanId: role === 'salesman' ? person!.id : null,
      passwordHash: await hashPassword(PASSWORD),
    },
  });
}

/** A session token for the account, as the browser would hold it in its cookie. */
export async function tokenFor(accountId: string): Promise<string> {
  return (await createSession(accountId)).token;
}
