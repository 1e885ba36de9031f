/**
 * The settlement base's money (seed 004), in whole won. A payout rule's fee rate is in basis points (0.01 %), so
 * every figure is integer arithmetic (BigInt inside: amount × rate passes 2^53 for large merchants' batches).
 *
 * Rounding, stated once: the fee is amount × rate rounded half away from zero; VAT is 10 % of the fee rounded the
 * same way; the payout is amount − fee − VAT. Half away from zero is symmetric, so a full cancellation (the same
 * amount, negative) nets to exactly zero against its payment, fee and VAT included. Partial cancellations are
 * each rounded on their own part: their fees can add up to 1 won per part away from the fee of the whole.
 */
export interface FeeTerms {
  /** fee rate in basis points: 250 = 2.5 % */
  feeRateBp: number;
}

export interface Settled {
  amount: number;
  fee: number;
  vat: number;
  payout: number;
}

/** n / d rounded half away from zero (d > 0). */
export function divRound(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = a / d;
  const v = (a % d) * 2n >= d ? q + 1n : q;
  return neg ? -v : v;
}

export function settleAmount(amount: number, terms: FeeTerms): Settled {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount must be whole won, not ${amount}`);
  if (!Number.isInteger(terms.feeRateBp) || terms.feeRateBp < 0 || terms.feeRateBp > 10_000) throw new RangeError(`fee rate must be 0-10,000 basis points, not ${terms.feeRateBp}`);
  const fee = divRound(BigInt(amount) * BigInt(terms.feeRateBp), 10_000n);
  const vat = divRound(fee, 10n);
  return { amount, fee: Number(fee), vat: Number(vat), payout: amount - Number(fee) - Number(vat) };
}
