/**
 * A synthetic, seeded payment stream in event time, for the settlement tests and bench:settlement (the live shop's
 * payments come from the commerce generator instead). Every kind of event the worker must classify appears:
 * approvals, duplicates, test payments, POINT, a settlement-disabled merchant, network cancellations, unconfirmed
 * approvals (confirmed or left to expire), partial and full cancellations, FINISH markers between batches.
 */
import type { PaymentMessage } from '../../platform/events/settlement';
import { mulberry32 } from '../../platform/random';

export interface StreamOptions {
  count: number;
  merchants: string[];
  /** event time of the first payment (ms) and the gap between payments */
  startMs: number;
  stepMs: number;
  seed?: number;
  /** a FINISH marker after every this many payments (sent by the caller to every partition) */
  finishEvery?: number;
  testMerchant?: string;
  disabledMerchant?: string;
}

export type StreamItem = { kind: 'payment'; message: PaymentMessage } | { kind: 'finish'; atMs: number };


export function paymentStream(o: StreamOptions): StreamItem[] {
  const rng = mulberry32(o.seed ?? 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  const iso = (ms: number) => new Date(ms + 9 * 3600_000).toISOString().replace('Z', '+09:00');
  const out: StreamItem[] = [];
  const later: { atMs: number; message: PaymentMessage }[] = [];
  let n = 0;
  const msg = (data: PaymentMessage['data']): PaymentMessage => ({ channel: rng() < 0.85 ? 'ONLINE' : 'OFFLINE', action: 'PAYMENT', data } as PaymentMessage);
  for (let i = 0; i < o.count; i++) {
    const at = o.startMs + i * o.stepMs;
    // follow-ups that are due by now go first, in event-time order
    later.sort((a, b) => a.atMs - b.atMs);
    while (later.length && later[0]!.atMs <= at) out.push({ kind: 'payment', message: later.shift()!.message });
    const r = rng();
    const merchantNumber = r < 0.003 && o.disabledMerchant ? o.disabledMerchant : r < 0.006 && o.testMerchant ? o.testMerchant : pick(o.merchants);
    const method = rng() < 0.01 ? 'POINT' : pick(['CARD', 'CARD', 'CARD', 'PAY', 'MONEY'] as const);
    const paymentId = `SIM-${o.seed ?? 1}-${++n}`;
    const amount = 1_000 * (1 + Math.floor(rng() * 300));
    const kind = rng();
    const status = kind < 0.002 ? 'UNCONFIRMED' : 'APPROVED';
    const payment = msg({ paymentId, merchantNumber, amount, paymentDate: iso(at), paymentActionType: 'PAYMENT', paymentMethodType: method, test: rng() < 0.003, status });
    out.push({ kind: 'payment', message: payment });
    if (rng() < 0.01) later.push({ atMs: at + Math.floor(rng() * 3_000), message: payment }); // the same message again
    if (status === 'UNCONFIRMED') {
      if (rng() < 0.8) later.push({ atMs: at + 2_000 + Math.floor(rng() * 28_000), message: msg({ ...payment.data!, status: 'CONFIRMED' }) });
    } else if (kind < 0.005) {
      const cancelAt = at + 200 + Math.floor(rng() * 2_800);
      later.push({ atMs: cancelAt, message: msg({ ...payment.data!, paymentId: `${paymentId}-NC`, paymentActionType: 'CANCEL', originalPaymentId: paymentId, paymentDate: iso(cancelAt), status: 'NETWORK_CANCELED' }) });
    } else if (kind < 0.035) {
      const cancelAt = at + 5_000 + Math.floor(rng() * 115_000);
      const partial = rng() < 0.5;
      const part = partial ? Math.max(1, Math.floor((amount * (0.1 + rng() * 0.8)) / 10) * 10) : amount;
      later.push({ atMs: cancelAt, message: msg({ ...payment.data!, paymentId: `${paymentId}-C`, paymentActionType: partial ? 'PARTIAL_CANCEL' : rng() < 0.5 ? 'FULL_CANCEL' : 'CANCEL', originalPaymentId: paymentId, amount: part, paymentDate: iso(cancelAt), status: 'APPROVED' }) });
    }
    if (o.finishEvery && (i + 1) % o.finishEvery === 0) out.push({ kind: 'finish', atMs: at });
  }
  later.sort((a, b) => a.atMs - b.atMs);
  for (const l of later) out.push({ kind: 'payment', message: l.message });
  return out;
}
