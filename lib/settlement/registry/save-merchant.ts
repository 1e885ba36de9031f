import { db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { Viewer } from '../../platform/session/viewer';
import { parseOrThrow } from '../../platform/validation';
import { toMerchantView, type MerchantView } from './queries';
import { merchantChanges, merchantInput, merchantNumber } from './schemas';

function assertStaff(viewer: Viewer | null | undefined): void {
  if (viewer?.role !== 'staff') throw new AppError('FORBIDDEN', 'Only staff manage the merchant registry.');
}

/**
 * Staff add a merchant. Its flags decide how the settlement worker classifies its payments from when the worker
 * next reads the registry (a test merchant's are test payments, a disabled one's are non-settlement).
 */
export async function createMerchant({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MerchantView> {
  assertStaff(viewer);
  const data = parseOrThrow(merchantInput, input);
  try {
    return toMerchantView(await db.merchant.create({ data }));
  } catch (e) {
    if ((e as { code?: string }).code === 'P2002') {
      throw new AppError('CONFLICT', `${data.number} is already in the registry.`, { number: [`${data.number} is already in the registry; edit it in the list.`] });
    }
    throw e;
  }
}

/** Staff change a merchant's name or flags (the whole merchant again). */
export async function updateMerchant({ viewer, number, input }: { viewer: Viewer | null; number: string; input: unknown }): Promise<MerchantView> {
  assertStaff(viewer);
  const key = parseOrThrow(merchantNumber, number);
  const data = parseOrThrow(merchantChanges, input);
  const found = await db.merchant.findUnique({ where: { number: key }, select: { number: true } });
  if (!found) throw new AppError('NOT_FOUND', `No merchant ${key} in the registry.`);
  return toMerchantView(await db.merchant.update({ where: { number: key }, data }));
}
