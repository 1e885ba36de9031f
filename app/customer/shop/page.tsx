import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { formatCount, formatKrw } from '@/lib/commerce/dashboard/format';
import { getMyShop, type MyOrder } from '@/lib/commerce/shop-account/my-orders';
import { describeNextGrade } from '@/lib/commerce/shop-account/next-grade';
import { GRADE_THRESHOLDS, qualifyingGrade, rankOf } from '@/lib/commerce/grades/rules';
import { pageViewer } from '@/lib/platform/session/current-viewer';
import { kstDateTime } from '@/lib/platform/time/kst';
import styles from './shop.module.css';

export const dynamic = 'force-dynamic';

/** The customer's own shop orders and grade: only the shop user their account is linked to. */
export default async function MyOrdersPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const viewer = await pageViewer('customer');
  const shop = await getMyShop({ viewer, page: (await searchParams).page });
  const header = (
    <PageHeader title="My orders" description="What you bought in the shop, newest first, and your membership grade (Korea time)." />
  );
  if (shop.kind === 'unlinked') {
    return (
      <>
        {header}
        <section className="panel"><EmptyState title="No shop account">Your sign-in is not linked to a shop account, so there are no orders to show.</EmptyState></section>
      </>
    );
  }
  if (shop.kind === 'pending') {
    return (
      <>
        {header}
        <section className="panel">
          <EmptyState title="Your shop account is being set up">
            Shop account {shop.shopUserId} does not exist yet: the shop's catalogue is still being loaded. Look again in a minute.
          </EmptyState>
        </section>
      </>
    );
  }

  const next = shop.next;
  // The stored grade can be above what the window earns now: the grade update demotes one step per pass.
  const earned = qualifyingGrade(shop.window.orders, shop.window.amount);
  const slipping = rankOf(earned) < rankOf(shop.grade);
  const target = next.kind === 'top' ? undefined : GRADE_THRESHOLDS.find((t) => t.grade === next.grade);
  return (
    <>
      {header}
      <section className="panel" aria-labelledby="grade-h" data-testid="my-grade" data-shop-user={shop.shopUserId}>
        <h2 id="grade-h">Grade</h2>
        <div className={styles.standing}>
          <div>
            <p className={styles.gradeLine}>
              <span className={`${styles.grade} ${styles[shop.grade]}`} data-testid="grade">{shop.grade}</span>
              <span className="muted">{shop.name} · shop account {shop.shopUserId}</span>
            </p>
            <p>
              Last {shop.window.days} days: {formatCount(shop.window.orders)} order{shop.window.orders === 1 ? '' : 's'}, {formatKrw(shop.window.amount)}.
            </p>
            {slipping && (
              <p className="notice warn" data-testid="grade-slipping">
                These figures earn {earned}: the next grade update moves you down one step unless you reach {shop.grade}&apos;s bar again.
              </p>
            )}
          </div>
          <div>
            <p className={styles.next} data-testid="next-grade">{describeNextGrade(shop.next, shop.window.days, formatKrw)}</p>
            {target && (
              <>
                <div className={styles.meter}>
                  <label htmlFor="m-amount">Spent {formatKrw(shop.window.amount)} of {formatKrw(target.minAmount)}{shop.window.amount >= target.minAmount ? ' (met)' : ''}</label>
                  <progress id="m-amount" max={target.minAmount} value={Math.min(shop.window.amount, target.minAmount)} />
                </div>
                <div className={styles.meter}>
                  <label htmlFor="m-orders">{shop.window.orders} of {target.minOrders} orders{shop.window.orders >= target.minOrders ? ' (met)' : ''}</label>
                  <progress id="m-orders" max={target.minOrders} value={Math.min(shop.window.orders, target.minOrders)} />
                </div>
              </>
            )}
            <p className="muted">Grades are updated every 10 minutes: both the amount and the number of orders within 180 days count.</p>
          </div>
        </div>
      </section>

      <section className="panel" aria-labelledby="orders-h">
        <h2 id="orders-h">Orders <span className="muted">({formatCount(shop.totalOrders)})</span></h2>
        {shop.orders.length === 0 ? (
          <EmptyState title="No orders yet">Orders you place in the shop appear here within a few seconds.</EmptyState>
        ) : (
          <ol className={styles.orders} data-testid="my-orders">
            {shop.orders.map((o) => <OrderCard key={o.id} order={o} />)}
          </ol>
        )}
        {shop.pages > 1 && (
          <nav className={styles.pager} aria-label="Pages of orders">
            {shop.page > 1 ? <Link className="button secondary small" href={`/customer/shop?page=${shop.page - 1}`}>Newer orders</Link> : <span />}
            <span className="muted">Page {shop.page} of {shop.pages}</span>
            {shop.page < shop.pages ? <Link className="button secondary small" href={`/customer/shop?page=${shop.page + 1}`}>Older orders</Link> : <span />}
          </nav>
        )}
      </section>
    </>
  );
}

function OrderCard({ order: o }: { order: MyOrder }) {
  return (
    <li className={styles.order} data-order-id={o.id} data-user-id={o.userId}>
      <div className={styles.orderHead}>
        <span>
          <time dateTime={o.orderedAt}>{kstDateTime(o.orderedAt)}</time>{' '}
          <span className="muted">· {o.itemCount} item{o.itemCount === 1 ? '' : 's'} · {o.paymentMethod}</span>
        </span>
        <span className={styles.orderTotal}>{formatKrw(o.total)}</span>
      </div>
      <div className="table-wrap">
        <table className="stack-narrow">
          <thead>
            <tr><th>Product</th><th>Category</th><th className={styles.num}>Qty</th><th className={styles.num}>Unit price</th><th className={styles.num}>Amount</th></tr>
          </thead>
          <tbody>
            {o.lines.map((l) => (
              <tr key={l.lineNo}>
                <td>{l.productName}</td>
                <td data-label="Category">{l.category}</td>
                <td data-label="Qty" className={styles.num}>{l.quantity}</td>
                <td data-label="Unit price" className={styles.num}>{formatKrw(l.unitPrice)}</td>
                <td data-label="Amount" className={styles.num}>{formatKrw(l.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.sums}>
        <span>Subtotal {formatKrw(o.subtotal)}</span>
        <span>Shipping {formatKrw(o.shippingFee)}</span>
        {o.discount > 0 && <span>Discount -{formatKrw(o.discount)}</span>}
        <span className="muted">Order {o.id.slice(0, 8)}</span>
      </div>
    </li>
  );
}
