import type { Db } from '../../platform/db';
import type { RunningPromotion } from '../../commerce/generator/model/promo-behaviour';

/** The promotions running at `at` (the shop shows these; its generator makes views and clicks on them). */
export async function runningPromotions(db: Db, at: Date): Promise<RunningPromotion[]> {
  return db.promotion.findMany({ where: { startsAt: { lte: at }, endsAt: { gt: at } }, select: { id: true, channel: true }, orderBy: { id: 'asc' } });
}
