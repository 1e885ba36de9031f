import { db } from '../../platform/db';
import type { Merchant } from '../../generated/prisma/client';
import { kstIso } from '../../platform/time/kst';

export interface MerchantView { number: string; name: string; settlementEnabled: boolean; test: boolean; updatedAt: string }

export const toMerchantView = (m: Merchant): MerchantView => ({ number: m.number, name: m.name, settlementEnabled: m.settlementEnabled, test: m.test, updatedAt: kstIso(m.updatedAt) });

/** The registry, by number (a hundred or so merchants: one per brand of the shop, and the fixtures). */
export async function listMerchants(): Promise<MerchantView[]> {
  return (await db.merchant.findMany({ orderBy: { number: 'asc' } })).map(toMerchantView);
}

export async function getMerchant(number: string): Promise<MerchantView | null> {
  const m = await db.merchant.findUnique({ where: { number } });
  return m ? toMerchantView(m) : null;
}
