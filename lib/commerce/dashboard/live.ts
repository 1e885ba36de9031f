import { db } from '../../platform/db';
import { AGE_GROUPS, GRADES, type Grade } from '../catalogue/categories';
import { generatorView, type GeneratorView } from './generator-view';
import { categoryMix, minuteSeries, paymentByAge, windowStart, type CategoryShare, type MinutePoint, type PaymentAgeRow } from './series';

/** Minutes on the carts/revenue and new-user charts. */
export const CHART_MINUTES = 60;
/** Minutes of the category mix: short, so a scenario switch shows within a minute or two. */
export const MIX_MINUTES = 10;

export interface GradeChangeRow {
  id: string;
  userId: string;
  userName: string | null;
  from: Grade;
  to: Grade;
  at: string;
  reason: string;
}

export interface TopProduct {
  id: string;
  name: string;
  category: string;
  brand: string | null;
  price: number;
  orderCount: number;
}

export interface CommerceTotalsView {
  users: number;
  products: number;
  orders: number;
  orderLines: number;
  revenue: number;
}

export interface CommerceLive {
  totals: CommerceTotalsView;
  minutes: MinutePoint[];
  categoryMix: CategoryShare[];
  paymentAge: PaymentAgeRow[];
  grades: Record<Grade, number>;
  gradeChanges: GradeChangeRow[];
  topProducts: TopProduct[];
  generator: GeneratorView;
  generatedAt: string;
}

export const EMPTY_TOTALS: CommerceTotalsView = { users: 0, products: 0, orders: 0, orderLines: 0, revenue: 0 };

/** Users per grade from CommerceGradeCount, every grade present. */
export async function gradeCounts(): Promise<Record<Grade, number>> {
  const rows = await db.commerceGradeCount.findMany();
  const out = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  for (const r of rows) out[r.grade] = r.users;
  return out;
}

export async function commerceTotals(): Promise<CommerceTotalsView> {
  const t = await db.commerceTotals.findUnique({ where: { id: 1 } });
  return t ? { users: t.users, products: t.products, orders: t.orders, orderLines: t.orderLines, revenue: Number(t.revenue) } : EMPTY_TOTALS;
}

/** The 20 newest grade changes (index on `at`), with the shoppers' names. */
async function recentGradeChanges(): Promise<GradeChangeRow[]> {
  const changes = await db.gradeChange.findMany({ orderBy: [{ at: 'desc' }, { id: 'desc' }], take: 20 });
  const users = changes.length
    ? await db.shopUser.findMany({ where: { id: { in: [...new Set(changes.map((c) => c.userId))] } }, select: { id: true, name: true } })
    : [];
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return changes.map((c) => ({
    id: c.id.toString(),
    userId: c.userId,
    userName: nameOf.get(c.userId) ?? null,
    from: c.from,
    to: c.to,
    at: c.at.toISOString(),
    reason: c.reason,
  }));
}

/**
 * Everything the live Commerce dashboard shows, in one round of small indexed
 * reads: the projection's read models (≤ 60 minute rows, ≤ 190 category-minute
 * rows, 20 payment cells, 4 grade counts, one totals row), the generator's status
 * row, the 20 newest grade changes and the 10 most ordered products. Nothing
 * here scans orders or order lines, so it costs the same at a million orders.
 */
export async function getCommerceLive(now = new Date()): Promise<CommerceLive> {
  const [totals, minutes, mix, payment, grades, changes, top, generator] = await Promise.all([
    commerceTotals(),
    db.commerceMinute.findMany({ where: { minute: { gte: windowStart(now, CHART_MINUTES) } }, orderBy: { minute: 'asc' } }),
    db.commerceCategoryMinute.groupBy({
      by: ['category'],
      where: { minute: { gte: windowStart(now, MIX_MINUTES) } },
      _sum: { lines: true, quantity: true, revenue: true },
    }),
    db.commercePaymentAge.findMany(),
    gradeCounts(),
    recentGradeChanges(),
    db.product.findMany({
      orderBy: [{ orderCount: 'desc' }],
      take: 10,
      select: { id: true, name: true, category: true, brand: true, price: true, orderCount: true },
    }),
    generatorView(),
  ]);
  return {
    totals,
    minutes: minuteSeries(minutes, { now, minutes: CHART_MINUTES }),
    categoryMix: categoryMix(
      mix.map((m) => ({ category: m.category, lines: m._sum.lines ?? 0, quantity: m._sum.quantity ?? 0, revenue: m._sum.revenue ?? 0n })),
    ),
    paymentAge: paymentByAge(payment, AGE_GROUPS),
    grades,
    gradeChanges: changes,
    topProducts: top,
    generator,
    generatedAt: now.toISOString(),
  };
}
