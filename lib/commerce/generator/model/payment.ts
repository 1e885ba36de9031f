/**
 * A checked-out cart as seed 004's payment events (topic `payment`, keyed by merchant number), with the mix of
 * irregular events the settlement checks exist for: duplicates, test payments, a merchant with settlement disabled,
 * network cancellations, unconfirmed approvals (most confirmed later, some never) and customer cancellations,
 * partial or whole. Every share is an option (defaults below; run.ts reads env overrides).
 *
 * The merchant is the one of the brand of the cart's largest line (lib/settlement/merchants/shop-merchants.ts);
 * the brand is read from the product name ("[prefix] <brand> <keyword> <item>"), as order lines carry no brand.
 *
 * Follow-ups (late duplicates, network cancellations, confirmations, cancellations) wait in memory until due and
 * are released by `due(now)`: a generator that restarts loses the ones not yet sent, like a payment gateway that
 * crashed before its callbacks (the approvals then stay as they were: unconfirmed ones expire).
 */
import type { Category, PaymentMethod as ShopMethod } from '../../catalogue/categories';
import { CATEGORY_RULES } from './catalogue-rules';
import { chance, uniform, type Rng } from './rng';
import type { OrderLinePayload, OrderPlacedPayload } from './types';
import type { Payment, PaymentMessage, PaymentMethod } from '../../../platform/events/settlement';
import { kstIso } from '../../../platform/time/kst';
import { merchantOfBrand, NON_SETTLEMENT_MERCHANT, TEST_MERCHANT } from '../../../settlement/merchants/shop-merchants';

export interface PaymentMix {
  /** the same message sent twice (at once or up to 5 s later), of any cart */
  duplicate: number;
  /** test payments, half by the test flag and half on the test merchant */
  test: number;
  /** payments on the merchant with settlement disabled */
  nonSettlement: number;
  /** approvals cancelled by the network 0.2-3 s later */
  networkCancel: number;
  /** approvals sent UNCONFIRMED; `confirmed` of them are confirmed 2-30 s later, the others expire */
  unconfirmed: number;
  confirmed: number;
  /** customer cancellations 5-120 s later: partial (10-90 %), full or cancel */
  cancel: number;
  /** payments at a store rather than online */
  offline: number;
  /** paid with points (the shop has no points method of its own) */
  point: number;
}

export const DEFAULT_PAYMENT_MIX: Readonly<PaymentMix> = {
  duplicate: 0.01, test: 0.005, nonSettlement: 0.003, networkCancel: 0.003, unconfirmed: 0.002, confirmed: 0.8,
  cancel: 0.03, offline: 0.15, point: 0.01,
};

const METHOD: Record<ShopMethod, PaymentMethod> = { Card: 'CARD', Bank: 'MONEY', NaverPay: 'PAY', KakaoPay: 'PAY' };

// Longest first, so a brand that begins another (none today) cannot steal its products.
const BRANDS = Object.fromEntries(Object.entries(CATEGORY_RULES).map(([c, r]) => [c, [...r.brands].sort((a, b) => b.length - a.length)])) as Record<Category, string[]>;
const NAME_PREFIX = /^\[[^\]]*\]\s*/;

/** The brand in a product name built by model/product.ts, or null (a category without brands, or a name without one). */
export function brandOfLine(line: Pick<OrderLinePayload, 'productName' | 'category'>): string | null {
  const name = line.productName.replace(NAME_PREFIX, '');
  return BRANDS[line.category]?.find((b) => name.startsWith(`${b} `)) ?? null;
}

type Kind = 'normal' | 'test' | 'nonSettlement' | 'networkCancel' | 'unconfirmed' | 'cancel';
const KINDS = ['test', 'nonSettlement', 'networkCancel', 'unconfirmed', 'cancel'] as const;

interface Scheduled { at: number; seq: number; message: PaymentMessage }

export class PaymentEvents {
  readonly mix: Readonly<PaymentMix>;
  private readonly heap: Scheduled[] = [];
  private seq = 0;

  constructor(private readonly rng: Rng, mix: Partial<PaymentMix> = {}) {
    this.mix = { ...DEFAULT_PAYMENT_MIX, ...mix };
    for (const [k, v] of Object.entries(this.mix)) if (!(v >= 0 && v <= 1)) throw new RangeError(`payment mix ${k} is ${v}: give a share in [0, 1]`);
    if (KINDS.reduce((s, k) => s + this.mix[k], 0) > 1) throw new RangeError(`payment mix: ${KINDS.join(' + ')} exceed 1`);
  }

  /** follow-ups waiting */
  get scheduled(): number {
    return this.heap.length;
  }

  /** The messages of a cart to send now; its follow-ups wait for `due`. */
  of(order: OrderPlacedPayload): PaymentMessage[] {
    const at = Date.parse(order.orderedAt);
    const kind = this.kind();
    const largest = order.lines.reduce((a, b) => (b.unitPrice * b.quantity > a.unitPrice * a.quantity ? b : a));
    const testByFlag = kind === 'test' && chance(this.rng, 0.5);
    const merchantNumber = kind === 'nonSettlement' ? NON_SETTLEMENT_MERCHANT
      : kind === 'test' && !testByFlag ? TEST_MERCHANT : merchantOfBrand(brandOfLine(largest));
    const approval: Payment = {
      paymentId: `PAY-${order.orderId}`,
      merchantNumber,
      amount: order.total,
      paymentDate: kstIso(order.orderedAt),
      paymentActionType: 'PAYMENT',
      paymentMethodType: chance(this.rng, this.mix.point) ? 'POINT' : METHOD[order.paymentMethod],
      test: testByFlag,
      status: kind === 'unconfirmed' ? 'UNCONFIRMED' : 'APPROVED',
    };
    const channel = chance(this.rng, this.mix.offline) ? 'OFFLINE' : 'ONLINE';
    const wrap = (data: Payment): PaymentMessage => ({ channel, action: 'PAYMENT', data });
    const now = [wrap(approval)];
    if (chance(this.rng, this.mix.duplicate)) {
      if (chance(this.rng, 0.5)) now.push(wrap(approval));
      else this.schedule(at + uniform(this.rng, 200, 5_000), wrap(approval));
    }
    const followUp = (delayMs: number, f: (when: number) => Payment) => {
      const when = at + delayMs;
      this.schedule(when, wrap(f(when)));
    };
    const cancellation = (when: number, suffix: string) => ({ ...approval, paymentId: `${approval.paymentId}-${suffix}`, originalPaymentId: approval.paymentId, paymentDate: kstIso(new Date(when)) });
    if (kind === 'networkCancel') {
      followUp(uniform(this.rng, 200, 3_000), (when) => ({ ...cancellation(when, 'NC'), paymentActionType: 'CANCEL', status: 'NETWORK_CANCELED' }));
    } else if (kind === 'unconfirmed' && chance(this.rng, this.mix.confirmed)) {
      // the same payment confirmed: same id, action and date, status CONFIRMED
      followUp(uniform(this.rng, 2_000, 30_000), () => ({ ...approval, status: 'CONFIRMED' }));
    } else if (kind === 'cancel') {
      const r = this.rng();
      const partial = r < 0.5 && approval.amount >= 10;
      const amount = partial ? Math.min(approval.amount - 1, Math.max(1, Math.round(approval.amount * uniform(this.rng, 0.1, 0.9)))) : approval.amount;
      const action = partial ? 'PARTIAL_CANCEL' : r < 0.75 ? 'FULL_CANCEL' : 'CANCEL';
      followUp(uniform(this.rng, 5_000, 120_000), (when) => ({ ...cancellation(when, 'C1'), amount, paymentActionType: action }));
    }
    return now;
  }

  /** The follow-ups due by `now`, in time order; each is released once. */
  due(now: Date | number): PaymentMessage[] {
    const t = typeof now === 'number' ? now : now.getTime();
    const out: PaymentMessage[] = [];
    while (this.heap.length && this.heap[0]!.at <= t) out.push(this.pop().message);
    return out;
  }

  private kind(): Kind {
    let r = this.rng();
    for (const k of KINDS) {
      if (r < this.mix[k]) return k;
      r -= this.mix[k];
    }
    return 'normal';
  }

  // A binary min-heap by (at, seq): thousands of follow-ups wait at high rates, and every tick asks for the due ones.
  private schedule(at: number, message: PaymentMessage): void {
    const h = this.heap;
    h.push({ at: Math.round(at), seq: this.seq++, message });
    for (let i = h.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private pop(): Scheduled {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

const before = (a: Scheduled, b: Scheduled) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
