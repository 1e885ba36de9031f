/**
 * Staff's promotion analysis, read only from what the attributor keeps (PromotionReach totals, per-minute rows,
 * the cursors' late counts): never from purchases or decisions at request time.
 */
import { db } from '../../platform/db';
import { AGE_GROUPS } from '../attribution/mask';
import { listPromotions, type PromotionView } from '../catalogue/queries';

export interface GroupFigures {
  ageGroup: string;
  views: number;
  clicks: number;
  /** users who clicked */
  clickers: number;
  affectedPurchases: number;
  /** affected purchases attributed to a click */
  clickPurchases: number;
  revenue: number;
  /**
   * click-attributed purchases / users who clicked; null with no clicker. (All affected purchases over clickers would
   * pass 100 %: a view attributes a purchase too, and views are most of the behaviour.)
   */
  conversion: number | null;
}

export interface PromotionFigures extends PromotionView {
  total: GroupFigures;
  byAgeGroup: GroupFigures[];
}

export interface PromotionAnalysis {
  promotions: PromotionFigures[];
  /** per minute (Korea time) over the last `minutes`: affected purchases and revenue per promotion, views and clicks in all */
  series: { minute: string; views: number; clicks: number; affected: Record<string, number>; revenue: number }[];
  late: { purchases: number; behaviours: number };
  asOf: string;
}

const GROUP_ORDER = [...AGE_GROUPS, 'unknown'];
type Counts = { views: number; clicks: number; clickers: number; affectedPurchases: number; clickPurchases: number; revenue: bigint | number };
const figures = (ageGroup: string, r?: Counts): GroupFigures => {
  const f = { ageGroup, views: r?.views ?? 0, clicks: r?.clicks ?? 0, clickers: r?.clickers ?? 0, affectedPurchases: r?.affectedPurchases ?? 0,
    clickPurchases: r?.clickPurchases ?? 0, revenue: Number(r?.revenue ?? 0) };
  return { ...f, conversion: f.clickers ? f.clickPurchases / f.clickers : null };
};

export async function getPromotionAnalysis({ minutes = 60 }: { minutes?: number } = {}): Promise<PromotionAnalysis> {
  const since = new Date(Math.floor(Date.now() / 60_000) * 60_000 - (minutes - 1) * 60_000);
  const [promotions, reach, rows, late] = await Promise.all([
    listPromotions(),
    db.promotionReach.findMany(),
    db.promotionStatsMinute.groupBy({ by: ['minute', 'promotionId'], where: { minute: { gte: since } }, _sum: { views: true, clicks: true, affectedPurchases: true, revenue: true } }),
    db.attributionCursor.aggregate({ _sum: { latePurchases: true, lateBehaviors: true } }),
  ]);
  const out: PromotionFigures[] = promotions.map((p) => {
    const mine = reach.filter((r) => r.promotionId === p.id);
    const byAgeGroup = GROUP_ORDER.filter((g) => g !== 'unknown' || mine.some((r) => r.ageGroup === g)).map((g) => figures(g, mine.find((r) => r.ageGroup === g)));
    const sum = (k: 'views' | 'clicks' | 'clickers' | 'affectedPurchases' | 'clickPurchases') => mine.reduce((s, r) => s + r[k], 0);
    const total = figures('all', { views: sum('views'), clicks: sum('clicks'), clickers: sum('clickers'), affectedPurchases: sum('affectedPurchases'),
      clickPurchases: sum('clickPurchases'), revenue: mine.reduce((s, r) => s + Number(r.revenue), 0) });
    return { ...p, total, byAgeGroup };
  });
  const series = Array.from({ length: minutes }, (_, i) => {
    const t = new Date(since.getTime() + i * 60_000);
    const at = rows.filter((r) => r.minute.getTime() === t.getTime());
    return {
      minute: new Date(t.getTime() + 9 * 3600_000).toISOString().slice(11, 16),
      views: at.reduce((s, r) => s + (r._sum.views ?? 0), 0),
      clicks: at.reduce((s, r) => s + (r._sum.clicks ?? 0), 0),
      affected: Object.fromEntries(at.filter((r) => r._sum.affectedPurchases).map((r) => [r.promotionId, r._sum.affectedPurchases ?? 0])),
      revenue: at.reduce((s, r) => s + Number(r._sum.revenue ?? 0), 0),
    };
  });
  return { promotions: out, series, late: { purchases: late._sum.latePurchases ?? 0, behaviours: late._sum.lateBehaviors ?? 0 }, asOf: new Date().toISOString() };
}
