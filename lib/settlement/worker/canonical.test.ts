import { describe, expect, it } from 'vitest';
import { paymentMessage } from '../../platform/events/settlement';
import { mulberry32 } from '../../platform/random';
import { paymentStream } from '../simulate/stream';
import { canonicalPayment } from './canonical';

const stream = paymentStream({ count: 3_000, merchants: ['merchant-0001', 'merchant-0002'], startMs: Date.parse('2026-12-04T10:00:00+09:00'), stepMs: 137, seed: 3, testMerchant: 'merchant-9001' });
const messages = stream.flatMap((s) => (s.kind === 'payment' ? [s.message] : []));

/** Small changes of a good message: some still valid, most not. */
function mutants(m: (typeof messages)[number], rng: () => number): unknown[] {
  const d = m.data as Record<string, unknown>;
  const swap = (k: string, v: unknown) => ({ ...m, data: { ...d, [k]: v } });
  return [
    swap('amount', -1), swap('amount', 1.5), swap('amount', '1000'), swap('paymentDate', '2026-13-04T10:00:00.000+09:00'),
    swap('paymentDate', '2026-12-04T10:00:00Z'), swap('paymentDate', '2026-02-30T10:00:00.000+09:00'), swap('status', 'DONE'),
    swap('paymentActionType', 'CANCEL'), swap('extra', 1), swap('test', 'false'), swap('paymentId', ''), swap('merchantNumber', 'x'.repeat(51)),
    { ...m, channel: 'MOBILE' }, { ...m, extra: true }, { ...m, action: 'FINISH' }, { channel: 'ONLINE', action: 'FINISH', data: null },
    { channel: 'ONLINE', action: 'FINISH', data: null, more: 1 }, swap('originalPaymentId', rng() < 0.5 ? 'P-1' : undefined),
  ];
}

describe('canonicalPayment', () => {
  it('accepts the shop\'s messages as they are, exactly as the schema does', () => {
    for (const m of messages) {
      expect(canonicalPayment(m)).toBe(m);
      expect(paymentMessage.parse(m)).toEqual(m);
    }
  });

  it('never accepts what the schema refuses or would change', () => {
    const rng = mulberry32(5);
    let refused = 0;
    for (const m of messages.slice(0, 300)) {
      for (const v of mutants(m, rng)) {
        const fast = canonicalPayment(v);
        const r = paymentMessage.safeParse(v);
        if (fast) {
          expect(r.success, JSON.stringify(v)).toBe(true);
          expect(r.data).toEqual(v);
        } else refused++;
      }
    }
    expect(refused).toBeGreaterThan(300 * 10);
  });
});
