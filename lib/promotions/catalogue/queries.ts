import { db } from '../../platform/db';
import type { Promotion } from '../../generated/prisma/client';
import { kstIso } from '../../platform/time/kst';

export interface PromotionView {
  id: string;
  name: string;
  categories: string[];
  productIds: string[];
  discountRate: number;
  channel: string;
  startsAt: string;
  endsAt: string;
  state: 'scheduled' | 'running' | 'ended';
}

export function toPromotionView(p: Promotion, now: Date): PromotionView {
  return {
    id: p.id, name: p.name, categories: p.categories, productIds: p.productIds, discountRate: p.discountRate, channel: p.channel,
    startsAt: kstIso(p.startsAt), endsAt: kstIso(p.endsAt), state: now < p.startsAt ? 'scheduled' : now >= p.endsAt ? 'ended' : 'running',
  };
}

export async function listPromotions(): Promise<PromotionView[]> {
  const now = new Date();
  return (await db.promotion.findMany({ orderBy: { id: 'asc' } })).map((p) => toPromotionView(p, now));
}
