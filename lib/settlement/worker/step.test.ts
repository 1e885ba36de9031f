import { describe, expect, it } from 'vitest';
import type { Payment, PaymentMessage } from '../../platform/events/settlement';
import { RuleBook } from '../payout/rules';
import { computeStep, idsToLookUp, type BaseRow, type Cursor, type Item, type Settings } from './step';

const settings: Settings = {
  merchant: (n) => (n === 'merchant-0001' ? { number: n, settlementEnabled: true, test: false } : n === 'merchant-9001' ? { number: n, settlementEnabled: true, test: true } : null),
  rules: new RuleBook([
    { id: 'card-old', merchantNumber: 'merchant-0001', method: 'CARD', action: 'PAYMENT', effectiveFrom: '2020-01-01', feeRateBp: 250, payoutDays: 2 },
    { id: 'card-new', merchantNumber: 'merchant-0001', method: 'CARD', action: 'PAYMENT', effectiveFrom: '2026-12-10', feeRateBp: 100, payoutDays: 1 },
    { id: 'card-cancel', merchantNumber: 'merchant-0001', method: 'CARD', action: 'PARTIAL_CANCEL', effectiveFrom: '2020-01-01', feeRateBp: 250, payoutDays: 2 },
  ]),
  defaultRule: { id: 'default', feeRateBp: 300, payoutDays: 3 },
  expiryMs: 3_600_000,
};
const start: Cursor = { nextOffset: 0n, batchSeq: 0, watermark: null };
const T0 = Date.parse('2026-12-04T10:00:00+09:00'); // a Friday

let offset = 0n;
const pay = (over: Partial<Payment> = {}, atMs = 0): Item => {
  const data: Payment = {
    paymentId: `P-${offset}`, merchantNumber: 'merchant-0001', amount: 10_000, paymentDate: new Date(T0 + atMs).toISOString(),
    paymentActionType: 'PAYMENT', paymentMethodType: 'CARD', test: false, status: 'APPROVED', ...over,
  };
  return { offset: offset++, ts: T0 + atMs, message: { channel: 'ONLINE', action: 'PAYMENT', data } as PaymentMessage };
};
const finish = (atMs: number): Item => ({ offset: offset++, ts: T0 + atMs, message: { channel: 'ONLINE', action: 'FINISH', data: null } });
const run = (items: Item[], known: BaseRow[] = [], held = new Map<string, BaseRow>(), cursor = start) => computeStep(0, cursor, items, known, held, settings);
const byId = (rows: BaseRow[], id: string, status?: string) => rows.find((r) => r.paymentId === id && (!status || r.status === status))!;

describe('a settlement step', () => {
  it('settles a payment on the rule of its Korea day, with D+N business days, and counts it in its statistics row', () => {
    offset = 0n;
    const s = run([pay({ paymentId: 'A' })]);
    expect(byId(s.inserts, 'A')).toMatchObject({ classification: 'settled', ruleId: 'card-old', amount: 10_000, fee: 250, vat: 25, payout: 9_725, approvalDay: '2026-12-04', payoutDay: '2026-12-08' });
    expect([...s.statistics.values()]).toEqual([{ approvalDay: '2026-12-04', merchantNumber: 'merchant-0001', action: 'PAYMENT', method: 'CARD', count: 1, amount: 10_000, fee: 250, vat: 25, payout: 9_725 }]);
    expect(s.cursor.nextOffset).toBe(1n);
  });

  it('a payment dated after a rule change takes the new rule; one without a rule takes the default, flagged', () => {
    offset = 0n;
    const s = run([pay({ paymentId: 'new', paymentDate: '2026-12-10T00:30:00+09:00' }), pay({ paymentId: 'pay', paymentMethodType: 'PAY' })]);
    expect(byId(s.inserts, 'new')).toMatchObject({ ruleId: 'card-new', fee: 100 });
    expect(byId(s.inserts, 'pay')).toMatchObject({ classification: 'settled', ruleId: 'default', defaultRule: true, fee: 300, reason: 'no payout rule: default rule' });
  });

  it('the same payment id, action and status again is a duplicate, within a step and against the stored bases', () => {
    offset = 0n;
    const s1 = run([pay({ paymentId: 'D' }), pay({ paymentId: 'D' })]);
    expect(s1.inserts.map((r) => r.classification)).toEqual(['settled', 'duplicate']);
    const s2 = run([pay({ paymentId: 'D' })], [s1.inserts[0]!], new Map(), s1.cursor);
    expect(s2.inserts[0]!.classification).toBe('duplicate');
    expect(s2.statistics.size).toBe(0);
  });

  it('test flag and test merchant are tests; POINT is non-settlement; none reach the statistics', () => {
    offset = 0n;
    const s = run([pay({ paymentId: 't', test: true }), pay({ paymentId: 'tm', merchantNumber: 'merchant-9001' }), pay({ paymentId: 'pt', paymentMethodType: 'POINT' })]);
    expect(s.inserts.map((r) => [r.classification, r.reason])).toEqual([['test', 'test flag'], ['test', 'test merchant'], ['non-settlement', 'POINT payment']]);
    expect(s.statistics.size).toBe(0);
  });

  it('a network cancellation excludes its approval, taking back what the approval added: in the same step or a later one', () => {
    offset = 0n;
    const same = run([pay({ paymentId: 'N' }), pay({ paymentId: 'NC', paymentActionType: 'CANCEL', originalPaymentId: 'N', status: 'NETWORK_CANCELED' }, 500)]);
    expect(same.inserts.map((r) => r.classification)).toEqual(['network-cancelled', 'network-cancelled']);
    expect(same.statistics.size).toBe(0);
    offset = 0n;
    const first = run([pay({ paymentId: 'N' })]);
    const later = run([pay({ paymentId: 'NC', paymentActionType: 'CANCEL', originalPaymentId: 'N', status: 'NETWORK_CANCELED' }, 500)], first.inserts, new Map(), first.cursor);
    expect(later.updates).toHaveLength(1);
    expect(later.updates[0]!.after).toMatchObject({ paymentId: 'N', classification: 'network-cancelled', fee: 0 });
    expect([...later.statistics.values()][0]).toMatchObject({ count: -1, amount: -10_000, fee: -250, vat: -25, payout: -9_725 });
    expect(later.batches.get(0)).toMatchObject({ settled: -1, networkCancelled: 2, received: 1 });
  });

  it('an approval arriving after its network cancellation is excluded too', () => {
    offset = 0n;
    const s = run([pay({ paymentId: 'NC', paymentActionType: 'CANCEL', originalPaymentId: 'N', status: 'NETWORK_CANCELED' }), pay({ paymentId: 'N' })]);
    expect(byId(s.inserts, 'N')).toMatchObject({ classification: 'network-cancelled', reason: 'its network cancellation came first' });
    // across steps: the partition's orphans remember the cancellation until its approval comes
    offset = 0n;
    const orphans = new Set<string>();
    const first = computeStep(0, start, [pay({ paymentId: 'NC2', paymentActionType: 'CANCEL', originalPaymentId: 'N2', status: 'NETWORK_CANCELED' })], [], new Map(), settings, undefined, orphans);
    expect([...orphans]).toEqual(['N2']);
    const later = computeStep(0, first.cursor, [pay({ paymentId: 'N2' }, 1_000)], [], new Map(), settings, undefined, orphans);
    expect(later.inserts[0]!.classification).toBe('network-cancelled');
    expect(orphans.size).toBe(0);
  });

  it('an unconfirmed approval is held, then settled on its own day when confirmed; the confirmation carries no money', () => {
    offset = 0n;
    const s1 = run([pay({ paymentId: 'U', status: 'UNCONFIRMED' })]);
    expect(s1.inserts[0]).toMatchObject({ classification: 'unconfirmed', amount: 10_000, fee: 0 });
    const held = new Map<string, BaseRow>();
    const s1b = run([pay({ paymentId: 'U2', status: 'UNCONFIRMED' })], [], held);
    expect(held.has('U2')).toBe(true);
    expect(s1.statistics.size).toBe(0);
    const s2 = run([pay({ paymentId: 'U2', status: 'CONFIRMED', paymentDate: '2026-12-04T10:30:00+09:00' })], [s1b.inserts[0]!], held, s1b.cursor);
    expect(s2.updates[0]!.after).toMatchObject({ paymentId: 'U2', classification: 'settled', approvalDay: '2026-12-04', fee: 250 });
    expect(s2.inserts[0]).toMatchObject({ classification: 'confirmation', fee: 0 });
    expect([...s2.statistics.values()]).toEqual([expect.objectContaining({ approvalDay: '2026-12-04', count: 1, amount: 10_000 })]);
    expect([...s2.payouts.values()]).toEqual([{ payoutDay: '2026-12-08', merchantNumber: 'merchant-0001', count: 1, amount: 10_000, fee: 250, vat: 25, payout: 9_725 }]);
    expect(held.size).toBe(0);
  });

  it('an unconfirmed approval expires by event time (a later payment or a FINISH marker), and a late confirmation settles nothing', () => {
    offset = 0n;
    const held = new Map<string, BaseRow>();
    const s1 = run([pay({ paymentId: 'U', status: 'UNCONFIRMED' }), finish(3_599_000)], [], held);
    expect(held.size).toBe(1);
    const s2 = run([finish(3_600_000)], [], held, s1.cursor);
    expect(s2.updates[0]!.after).toMatchObject({ paymentId: 'U', classification: 'unconfirmed-expired' });
    expect(held.size).toBe(0);
    const s3 = run([pay({ paymentId: 'U', status: 'CONFIRMED' }, 3_700_000)], [s2.updates[0]!.after], held, s2.cursor);
    expect(s3.inserts[0]).toMatchObject({ classification: 'unconfirmed-expired', reason: 'confirmed after its approval expired' });
    expect(s3.statistics.size).toBe(0);
  });

  it('a partial cancellation nets against its payment with a negative amount and fee', () => {
    offset = 0n;
    const s = run([pay({ paymentId: 'P' }), pay({ paymentId: 'PC', paymentActionType: 'PARTIAL_CANCEL', originalPaymentId: 'P', amount: 3_000 }, 60_000)]);
    expect(byId(s.inserts, 'PC')).toMatchObject({ classification: 'settled', amount: -3_000, fee: -75, vat: -8, payout: -2_917 });
  });

  it('FINISH closes the batch and opens the next; redelivered offsets are skipped; dead letters only move the cursor', () => {
    offset = 0n;
    const a = pay({ paymentId: 'A' });
    const s = run([a, finish(1_000), { offset: offset++, ts: T0, bad: true }, pay({ paymentId: 'B' }, 2_000)]);
    expect(s.cursor).toMatchObject({ nextOffset: 4n, batchSeq: 1 });
    expect(s.batches.get(0)).toMatchObject({ received: 1, settled: 1, closedAt: T0 + 1_000 });
    expect(s.batches.get(1)).toMatchObject({ received: 1, settled: 1, closedAt: null });
    expect(s.deadLettered).toBe(1);
    const again = run([a, pay({ paymentId: 'C' }, 3_000)], [], new Map(), s.cursor);
    expect(again.inserts.map((r) => r.paymentId)).toEqual(['C']);
    expect(idsToLookUp([a, pay({ paymentId: 'X', paymentActionType: 'CANCEL', originalPaymentId: 'A' })], true)).toEqual(['A', 'X']);
    // without everything: only the payments that cancellations and confirmations name (duplicates: memory first)
    expect(idsToLookUp([a, pay({ paymentId: 'X', paymentActionType: 'CANCEL', originalPaymentId: 'A' })], false)).toEqual(['A']);
  });

  it('an event key the worker remembers is a duplicate without asking PostgreSQL', () => {
    offset = 0n;
    const s = computeStep(0, start, [pay({ paymentId: 'R' }), pay({ paymentId: 'S' })], [], new Map(), settings, (k) => k.startsWith('R\0'));
    expect(s.inserts.map((r) => r.classification)).toEqual(['duplicate', 'settled']);
  });
});
