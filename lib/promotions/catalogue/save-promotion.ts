import { db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { Viewer } from '../../platform/session/viewer';
import { parseOrThrow } from '../../platform/validation';
import { promotionId, promotionInput } from './schemas';
import { toPromotionView, type PromotionView } from './queries';

function assertStaff(viewer: Viewer | null | undefined): void {
  if (viewer?.role !== 'staff') throw new AppError('FORBIDDEN', 'Only staff manage promotions.');
}

/** Staff add a promotion; its id is the next PR-NNNN. The shop shows it (and its generator makes views and clicks) while it runs. */
export async function createPromotion({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<PromotionView> {
  assertStaff(viewer);
  const data = parseOrThrow(promotionInput, input);
  for (let attempt = 0; ; attempt++) {
    const [row] = await db.$queryRaw<{ n: number | null }[]>`SELECT max(substring(id from 4)::int) AS n FROM "Promotion" WHERE id ~ '^PR-[0-9]+$'`;
    const id = `PR-${String((row?.n ?? 0) + 1).padStart(4, '0')}`;
    try {
      return toPromotionView(await db.promotion.create({ data: { id, ...data } }), new Date());
    } catch (e) {
      // two staff adding at once took the same number: take the next
      if ((e as { code?: string }).code === 'P2002' && attempt < 3) continue;
      throw e;
    }
  }
}

/** Staff change a promotion. Decisions already made keep the promotion id they named. */
export async function updatePromotion({ viewer, id, input }: { viewer: Viewer | null; id: string; input: unknown }): Promise<PromotionView> {
  assertStaff(viewer);
  const key = parseOrThrow(promotionId, id);
  const data = parseOrThrow(promotionInput, input);
  const found = await db.promotion.findUnique({ where: { id: key }, select: { id: true } });
  if (!found) throw new AppError('NOT_FOUND', `No promotion ${key}.`);
  return toPromotionView(await db.promotion.update({ where: { id: key }, data }), new Date());
}
