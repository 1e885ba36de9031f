import { describe, expect, it } from 'vitest';
import { Prisma } from '../../generated/prisma/client';
import { PoisonMessageError, poisonReason } from './poison';

const dbError = (code: string, message: string) => new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: 'test' });

describe('poisonReason', () => {
  it('dead-letters what can never succeed, with the reason', () => {
    expect(poisonReason(new PoisonMessageError('no such project'))).toBe('no such project');
    expect(poisonReason(dbError('P2003', 'Invalid call\nForeign key constraint violated on the constraint: `Alarm_salesmanId_fkey`')))
      .toBe('handler failed permanently (P2003): Foreign key constraint violated on the constraint: `Alarm_salesmanId_fkey`');
  });

  it('keeps retrying what may pass later', () => {
    expect(poisonReason(new Error('Connection terminated unexpectedly'))).toBeNull();
    expect(poisonReason(dbError('P2034', 'Transaction failed due to a write conflict or a deadlock'))).toBeNull();
    expect(poisonReason(dbError('P1001', "Can't reach database server"))).toBeNull();
  });
});
