/**
 * One step of a `payment` partition, pure: the messages read since the cursor, plus what PostgreSQL knows of the
 * payment ids they name, in; the bases to insert, the bases to reclassify, and the statistics, batch and day
 * deltas out. The store writes a step in one statement (store.ts), so a step happens entirely or not at all.
 *
 * Per message, in offset order:
 *   FINISH    the partition's event time moves to the marker's timestamp; the batch is closed, the next one opens.
 *   payment   the event time moves to its paymentDate (held approvals older than UNCONFIRMED_EXPIRY_HOURS of event
 *             time expire first), then the checks of classify.ts in the seed's order. Two checks reach back:
 *             a network cancellation reclassifies the approval it cancels (settled or held) as network-cancelled,
 *             and a confirmation settles its held approval (the confirmation's own base is "confirmation").
 *
 * Event time, not the wall clock, decides expiry, so a replay from offset 0 classifies every base the same way.
 */
import type { Payment, PaymentMessage } from '../../platform/events/settlement';
import { classify, type Merchant, type PayoutRule } from '../base/classify';
import { kstDay } from '../calendar/business-days';
import type { RuleBook } from '../payout/rules';

export type Classification =
  | 'settled' | 'duplicate' | 'test' | 'non-settlement' | 'network-cancelled' | 'unconfirmed' | 'unconfirmed-expired' | 'confirmation';

/**
 * A base as written to SettlementBase (offset as a decimal string: it is a bigint). `amount` is the event's signed
 * amount whatever its classification (negative for a cancellation); fee, VAT, payout and payout day only when settled.
 */
export interface BaseRow {
  partition: number;
  offset: string;
  paymentId: string;
  action: string;
  status: string;
  method: string;
  channel: string;
  merchantNumber: string;
  originalPaymentId: string | null;
  paymentDate: string;
  approvalDay: string;
  classification: Classification;
  reason: string | null;
  ruleId: string | null;
  defaultRule: boolean;
  amount: number;
  fee: number;
  vat: number;
  payout: number;
  payoutDay: string | null;
  batchSeq: number;
}

/** A message of the step: decoded, or one the worker parked on the dead-letter topic (it only moves the cursor). */
export type Item = { offset: bigint; ts: number; message: PaymentMessage } | { offset: bigint; ts: number; bad: true };

export interface Cursor {
  nextOffset: bigint;
  batchSeq: number;
  /** the partition's event time (ms), or null before its first message */
  watermark: number | null;
}

export interface Settings {
  merchant: (number: string) => Merchant | null;
  rules: RuleBook;
  defaultRule: PayoutRule;
  expiryMs: number;
}

export interface Step {
  partition: number;
  from: bigint;
  cursor: Cursor;
  inserts: BaseRow[];
  /** existing bases with their new classification and money, and what they were (for the deltas) */
  updates: { before: BaseRow; after: BaseRow }[];
  statistics: Map<string, StatDelta>;
  batches: Map<number, BatchDelta>;
  days: Map<string, number>;
  /** payout calendar deltas: what the settled bases pay per payout day x merchant */
  payouts: Map<string, PayoutDelta>;
  deadLettered: number;
}

export interface StatDelta { approvalDay: string; merchantNumber: string; action: string; method: string; count: number; amount: number; fee: number; vat: number; payout: number }
export interface PayoutDelta { payoutDay: string; merchantNumber: string; count: number; amount: number; fee: number; vat: number; payout: number }
export interface BatchDelta {
  received: number; settled: number; duplicate: number; test: number; nonSettlement: number; networkCancelled: number; unconfirmed: number;
  firstAt: number | null; lastAt: number | null; closedAt: number | null;
}

const eventKey = (paymentId: string, action: string, status: string) => `${paymentId}\0${action}\0${status}`;

export const eventKeyOf = (row: Pick<BaseRow, 'paymentId' | 'action' | 'status'>) => eventKey(row.paymentId, row.action, row.status);

/**
 * What a step needs PostgreSQL's bases for.
 *   ids        payment ids whose bases it needs: the payments its cancellations name, and confirmed payments (their
 *              approval); with `everything`, also every payment id of the step (whether each event was seen before)
 * Without `everything`, duplicates are found by the worker's memory of recent event keys, and PostgreSQL's unique
 * event key catches any it missed (the step is then refused and computed again with everything).
 */
export function idsToLookUp(items: Item[], everything: boolean): string[] {
  const ids = new Set<string>();
  for (const it of items) {
    if ('bad' in it || !it.message.data) continue;
    const d = it.message.data;
    if (everything || d.status === 'CONFIRMED') ids.add(d.paymentId);
    if (d.originalPaymentId) ids.add(d.originalPaymentId);
  }
  return [...ids];
}

const BATCH_FIELD: Partial<Record<Classification, keyof BatchDelta>> = {
  settled: 'settled', duplicate: 'duplicate', test: 'test', 'non-settlement': 'nonSettlement', 'network-cancelled': 'networkCancelled',
  unconfirmed: 'unconfirmed', 'unconfirmed-expired': 'unconfirmed',
};

const emptyBatch = (): BatchDelta => ({ received: 0, settled: 0, duplicate: 0, test: 0, nonSettlement: 0, networkCancelled: 0, unconfirmed: 0, firstAt: null, lastAt: null, closedAt: null });

const payOf = (row: BaseRow): Payment => ({
  paymentId: row.paymentId, merchantNumber: row.merchantNumber, amount: Math.abs(row.amount) || 0, paymentDate: row.paymentDate,
  paymentActionType: row.action as Payment['paymentActionType'], paymentMethodType: row.method as Payment['paymentMethodType'],
  ...(row.originalPaymentId ? { originalPaymentId: row.originalPaymentId } : {}), test: false, status: row.status as Payment['status'],
});

/**
 * @param known  non-duplicate bases PostgreSQL holds for the ids of `idsToLookUp`, and the network cancellations
 *               naming them (store.lookUp)
 * @param seenRecently  the worker's memory of recent event keys (a hint: PostgreSQL has the last word, see store.ts)
 * @param orphans  approvals' payment ids whose network cancellation came first (the approval is excluded when it
 *               comes); kept in memory per partition and loaded with it (store.loadPartition), updated IN PLACE
 * @param held   the partition's held (unconfirmed) approvals by payment id, in the order they arrived. The step
 *               updates it, and the rows in it, IN PLACE (it can hold hundreds of thousands of approvals for a day:
 *               no copy per step), so a step that is not written must be followed by loading the partition again.
 */
export function computeStep(partition: number, cursor: Cursor, items: Item[], known: BaseRow[], held: Map<string, BaseRow>, s: Settings,
  seenRecently: (key: string) => boolean = () => false, orphans: Set<string> = new Set()): Step {
  const inserts: BaseRow[] = [];
  const updated = new Map<string, { before: BaseRow; after: BaseRow }>();
  const heldNow = held;
  // every non-duplicate base of the ids in play, by payment id: PostgreSQL's and this step's
  const byPayment = new Map<string, BaseRow[]>();
  const seen = new Set<string>();
  const networkCancelledIds = orphans;
  const index = (row: BaseRow) => {
    if (row.classification === 'duplicate') return;
    byPayment.set(row.paymentId, [...(byPayment.get(row.paymentId) ?? []), row]);
    seen.add(eventKey(row.paymentId, row.action, row.status));
  };
  // a held approval PostgreSQL returns is the one in the held set (one object, so a change reaches both)
  for (const row of known) {
    const h = heldNow.get(row.paymentId);
    index(h && h.partition === row.partition && h.offset === row.offset ? h : row);
  }

  /** Changes an existing or new base in place; an existing one is recorded with its image before the step. */
  const reclassify = (row: BaseRow, next: Partial<BaseRow>) => {
    const key = `${row.partition}:${row.offset}`;
    const isNew = inserts.includes(row);
    if (!isNew && !updated.has(key)) updated.set(key, { before: { ...row }, after: row });
    Object.assign(row, next);
  };
  const money = (row: BaseRow, p: Payment, merchant: Merchant | null) => {
    const c = classify(p, { seenBefore: false, merchant, networkCancelled: false, confirmation: 'confirmed', rule: ruleFor(p), defaultRule: s.defaultRule });
    if (c.kind !== 'settled') return null;
    return { ruleId: c.ruleId, defaultRule: c.defaultRule, amount: c.amount, fee: c.fee, vat: c.vat, payout: c.payout, payoutDay: c.payoutDay };
  };
  const ruleFor = (p: Payment) => s.rules.ruleFor(p.merchantNumber, p.paymentMethodType, p.paymentActionType, kstDay(new Date(p.paymentDate)));

  let { nextOffset, batchSeq, watermark } = cursor;
  const batches = new Map<number, BatchDelta>();
  const batch = (seq: number) => batches.get(seq) ?? batches.set(seq, emptyBatch()).get(seq)!;
  let deadLettered = 0;

  // Held approvals expire in the order they arrived (the Map's order): the first one not yet due stops the scan,
  // so a step costs nothing for the approvals that wait. Within a partition payment dates arrive nearly in order,
  // so one that arrived out of order waits at most that much longer; the order is the log's, so a replay agrees.
  const expire = () => {
    if (watermark === null) return;
    for (const [id, row] of heldNow) {
      if (Date.parse(row.paymentDate) + s.expiryMs > watermark) break;
      reclassify(row, { classification: 'unconfirmed-expired', reason: `not confirmed within ${s.expiryMs / 3_600_000} h of event time` });
      heldNow.delete(id);
    }
  };

  for (const it of items) {
    if (it.offset < nextOffset) continue; // read before (a redelivery): the cursor is past it
    nextOffset = it.offset + 1n;
    if ('bad' in it) { deadLettered++; continue; }
    const m = it.message;
    if (m.action === 'FINISH') {
      watermark = Math.max(watermark ?? it.ts, it.ts);
      expire();
      const b = batch(batchSeq);
      b.closedAt = it.ts;
      batchSeq++;
      continue;
    }
    const p = m.data;
    const at = Date.parse(p.paymentDate);
    watermark = Math.max(watermark ?? at, at);
    expire();
    const b = batch(batchSeq);
    b.received++;
    b.firstAt = b.firstAt === null ? it.ts : Math.min(b.firstAt, it.ts);
    b.lastAt = Math.max(b.lastAt ?? it.ts, it.ts);

    const row: BaseRow = {
      partition, offset: String(it.offset), paymentId: p.paymentId, action: p.paymentActionType, status: p.status, method: p.paymentMethodType,
      channel: m.channel, merchantNumber: p.merchantNumber, originalPaymentId: p.originalPaymentId ?? null, paymentDate: new Date(at).toISOString(),
      approvalDay: kstDay(new Date(at)), classification: 'duplicate', reason: null, ruleId: null, defaultRule: false,
      amount: p.paymentActionType === 'PAYMENT' ? p.amount : -p.amount, fee: 0, vat: 0, payout: 0, payoutDay: null, batchSeq,
    };
    inserts.push(row);
    const key = eventKey(p.paymentId, p.paymentActionType, p.status);
    const merchant = s.merchant(p.merchantNumber);
    const isConfirmation = p.status === 'CONFIRMED' && p.paymentActionType === 'PAYMENT';
    const approval = isConfirmation ? (heldNow.get(p.paymentId) ?? null) : null;
    const c = classify(p, {
      seenBefore: seen.has(key) || seenRecently(key), merchant,
      networkCancelled: p.paymentActionType === 'PAYMENT' && networkCancelledIds.has(p.paymentId),
      confirmation: 'open', rule: ruleFor(p), defaultRule: s.defaultRule,
    });
    switch (c.kind) {
      case 'duplicate':
        row.reason = 'payment id, action and status seen before';
        break;
      case 'test':
        Object.assign(row, { classification: 'test', reason: p.test ? 'test flag' : 'test merchant' });
        break;
      case 'non-settlement':
        Object.assign(row, { classification: 'non-settlement', reason: c.why === 'point' ? 'POINT payment' : 'settlement disabled for the merchant' });
        break;
      case 'network-cancelled': {
        const cancels = p.status === 'NETWORK_CANCELED';
        Object.assign(row, { classification: 'network-cancelled', reason: cancels ? `network cancellation of ${p.originalPaymentId ?? '?'}` : 'its network cancellation came first' });
        if (!cancels) orphans.delete(p.paymentId);
        // the approval it cancels is excluded too, whether settled or held
        if (cancels && p.originalPaymentId && !byPayment.get(p.originalPaymentId)?.some((a) => a.action === 'PAYMENT')) {
          orphans.add(p.originalPaymentId); // its approval has not come yet
        } else if (cancels && p.originalPaymentId) {
          orphans.delete(p.originalPaymentId);
          for (const a of byPayment.get(p.originalPaymentId) ?? []) {
            if (a.action !== 'PAYMENT' || !['settled', 'unconfirmed', 'confirmation'].includes(a.classification)) continue;
            heldNow.delete(a.paymentId);
            reclassify(a, { classification: 'network-cancelled', reason: `network-cancelled by ${p.paymentId}`, ruleId: null, defaultRule: false, fee: 0, vat: 0, payout: 0, payoutDay: null });
          }
        }
        break;
      }
      case 'unconfirmed':
        Object.assign(row, { classification: 'unconfirmed', reason: 'held until confirmed' });
        heldNow.set(p.paymentId, row);
        break;
      case 'unconfirmed-expired':
        break; // classify reports it only with confirmation "expired", which is decided by expire() above
      case 'settled': {
        if (isConfirmation) {
          const earlier = byPayment.get(p.paymentId)?.find((r) => r.action === 'PAYMENT' && r.status !== 'CONFIRMED') ?? null;
          if (approval) {
            // the held approval is settled now, on its own date's rule; the confirmation carries no money itself
            const settledMoney = money(approval, payOf(approval), merchant);
            heldNow.delete(p.paymentId);
            reclassify(approval, { classification: 'settled', reason: `confirmed by offset ${it.offset}`, ...settledMoney });
            Object.assign(row, { classification: 'confirmation', reason: `confirms offset ${approval.offset}` });
            break;
          }
          if (earlier?.classification === 'unconfirmed-expired') { Object.assign(row, { classification: 'unconfirmed-expired', reason: 'confirmed after its approval expired' }); break; }
          if (earlier) { Object.assign(row, { classification: 'confirmation', reason: `its approval was ${earlier.classification} already` }); break; }
          // no unconfirmed approval was seen: the confirmation is the approval
        } else if (p.paymentActionType !== 'PAYMENT' && p.originalPaymentId) {
          // a cancellation nets against its payment; one whose payment was never settled has nothing to net against
          const original = byPayment.get(p.originalPaymentId)?.find((r) => r.action === 'PAYMENT' && (r.classification === 'network-cancelled' || r.classification === 'unconfirmed-expired'));
          if (original) { Object.assign(row, { classification: original.classification, reason: `cancels a ${original.classification} payment` }); break; }
        }
        Object.assign(row, {
          classification: 'settled', reason: c.defaultRule ? (merchant ? 'no payout rule: default rule' : 'unknown merchant: default rule') : null,
          ruleId: c.ruleId, defaultRule: c.defaultRule, amount: c.amount, fee: c.fee, vat: c.vat, payout: c.payout, payoutDay: c.payoutDay,
        });
        break;
      }
    }
    index(row);
  }

  // the deltas, from each base's final state (and, for an existing one, minus its state before)
  const statistics = new Map<string, StatDelta>();
  const payouts = new Map<string, PayoutDelta>();
  const days = new Map<string, number>();
  const add = (row: BaseRow, sign: 1 | -1) => {
    const dayKey = `${row.approvalDay}\0${row.classification}`;
    days.set(dayKey, (days.get(dayKey) ?? 0) + sign);
    const field = BATCH_FIELD[row.classification];
    if (field) (batch(row.batchSeq)[field] as number) += sign;
    if (row.classification !== 'settled') return;
    const k = `${row.approvalDay}\0${row.merchantNumber}\0${row.action}\0${row.method}`;
    const d = statistics.get(k) ?? statistics.set(k, { approvalDay: row.approvalDay, merchantNumber: row.merchantNumber, action: row.action, method: row.method, count: 0, amount: 0, fee: 0, vat: 0, payout: 0 }).get(k)!;
    d.count += sign;
    d.amount += sign * row.amount;
    d.fee += sign * row.fee;
    d.vat += sign * row.vat;
    d.payout += sign * row.payout;
    const pk = `${row.payoutDay}\0${row.merchantNumber}`;
    const pd = payouts.get(pk) ?? payouts.set(pk, { payoutDay: row.payoutDay!, merchantNumber: row.merchantNumber, count: 0, amount: 0, fee: 0, vat: 0, payout: 0 }).get(pk)!;
    pd.count += sign;
    pd.amount += sign * row.amount;
    pd.fee += sign * row.fee;
    pd.vat += sign * row.vat;
    pd.payout += sign * row.payout;
  };
  for (const row of inserts) add(row, 1);
  const updates = [...updated.values()];
  for (const u of updates) { add(u.before, -1); add(u.after, 1); }
  for (const [k, v] of days) if (v === 0) days.delete(k);
  for (const [k, d] of statistics) if (!d.count && !d.amount && !d.fee && !d.vat && !d.payout) statistics.delete(k);
  for (const [k, d] of payouts) if (!d.count && !d.amount && !d.fee && !d.vat && !d.payout) payouts.delete(k);

  return { partition, from: cursor.nextOffset, cursor: { nextOffset, batchSeq, watermark }, inserts, updates, statistics, payouts, batches, days, deadLettered };
}
