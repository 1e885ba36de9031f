import { z } from 'zod';
import { db } from '../../platform/db';
import type { Viewer } from '../../platform/session/viewer';
import type { Grade } from '../catalogue/categories';
import { GRADE_THRESHOLDS, WINDOW_DAYS, windowOf } from '../grades/rules';
import { nextGrade, type NextGrade } from './next-grade';

export const ORDERS_PER_PAGE = 10;
export const myOrdersPage = z.coerce.number().int().min(1).max(10_000).catch(1);

export interface MyOrderLine {
  lineNo: number;
  productId: string;
  productName: string;
  category: string;
  quantity: number;
  unitPrice: number;
  amount: number;
}

export interface MyOrder {
  id: string;
  /** always the viewer's own shop user (kept so pages and tests can show whose order it is) */
  userId: string;
  orderedAt: string;
  paymentMethod: string;
  subtotal: number;
  shippingFee: number;
  discount: number;
  total: number;
  itemCount: number;
  lines: MyOrderLine[];
}

export type MyShop =
  /** the account is not linked to a shop user */
  | { kind: 'unlinked' }
  /** linked, but the shop user is not in the database yet (the catalogue seed has not run) */
  | { kind: 'pending'; shopUserId: string }
  | {
      kind: 'shopper';
      shopUserId: string;
      name: string;
      grade: Grade;
      window: { days: number; amount: number; orders: number };
      next: NextGrade;
      orders: MyOrder[];
      totalOrders: number;
      page: number;
      pages: number;
    };

/**
 * The signed-in customer's own shop: the shop user their account is linked to,
 * its grade with what the next one takes, and its orders newest first, a page
 * at a time. Ownership is the query itself: the shop user id comes from the
 * viewer's own account row, never from the request.
 */
export async function getMyShop(opts: { viewer: Extract<Viewer, { role: 'customer' }>; page?: unknown; now?: Date }): Promise<MyShop> {
  const now = opts.now ?? new Date();
  const account = await db.account.findFirst({ where: { customerId: opts.viewer.customerId, role: 'customer' }, select: { shopUserId: true } });
  const shopUserId = account?.shopUserId;
  if (!shopUserId) return { kind: 'unlinked' };
  const user = await db.shopUser.findUnique({ where: { id: shopUserId }, select: { name: true, grade: true } });
  if (!user) return { kind: 'pending', shopUserId };

  const window = windowOf(now);
  const requested = myOrdersPage.parse(opts.page ?? 1);
  // The grade pass's own window and sum (order totals of checked-out carts), on the (userId, orderedAt) index.
  const [totalOrders, inWindow] = await Promise.all([
    db.shopOrder.count({ where: { userId: shopUserId } }),
    db.shopOrder.aggregate({ where: { userId: shopUserId, orderedAt: { gte: window.from, lt: window.to } }, _sum: { total: true }, _count: { _all: true } }),
  ]);
  const pages = Math.max(1, Math.ceil(totalOrders / ORDERS_PER_PAGE));
  const page = Math.min(requested, pages);
  const orders = await db.shopOrder.findMany({
    where: { userId: shopUserId },
    orderBy: [{ orderedAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * ORDERS_PER_PAGE,
    take: ORDERS_PER_PAGE,
    include: { lines: { orderBy: { lineNo: 'asc' } } },
  });
  // Lines carry no foreign key to Product (a line may arrive before its product), so names are looked up.
  const productIds = [...new Set(orders.flatMap((o) => o.lines.map((l) => l.productId)))];
  const products = productIds.length ? await db.product.findMany({ where: { id: { in: productIds } }, select: { id: true, name: true } }) : [];
  const nameOf = new Map(products.map((p) => [p.id, p.name]));
  const standing = { amount: inWindow._sum.total ?? 0, orders: inWindow._count._all };
  return {
    kind: 'shopper',
    shopUserId,
    name: user.name,
    grade: user.grade,
    window: { days: WINDOW_DAYS, ...standing },
    next: nextGrade(user.grade, standing, GRADE_THRESHOLDS),
    orders: orders.map((o) => ({
      id: o.id,
      userId: o.userId,
      orderedAt: o.orderedAt.toISOString(),
      paymentMethod: o.paymentMethod,
      subtotal: o.subtotal,
      shippingFee: o.shippingFee,
      discount: o.discount,
      total: o.total,
      itemCount: o.itemCount,
      lines: o.lines.map((l) => ({
        lineNo: l.lineNo,
        productId: l.productId,
        productName: nameOf.get(l.productId) ?? l.productId,
        category: l.category,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        amount: l.amount,
      })),
    })),
    totalOrders,
    page,
    pages,
  };
}
