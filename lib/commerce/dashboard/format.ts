/**
 * Money, rates and timers as the commerce pages show them. Built by hand rather
 * than with Intl so the server render and the browser agree to the character.
 */

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 1234000 -> "₩1,234,000"; negatives keep their sign in front ("-₩500"). */
export function formatKrw(amount: number | bigint): string {
  const n = typeof amount === 'bigint' ? amount : BigInt(Math.round(amount));
  const sign = n < 0n ? '-' : '';
  return `${sign}₩${group((n < 0n ? -n : n).toString())}`;
}

/** 12345 -> "12,345" */
export function formatCount(n: number): string {
  return `${n < 0 ? '-' : ''}${group(String(Math.abs(Math.round(n))))}`;
}

/** 0.3456 -> "34.6%" */
export function formatShare(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** The generator's pace: a fixed number of carts per second, or the seed's own rhythm (null). */
export function formatRate(rate: number | null): string {
  if (rate === null) return 'Seed pace (one cart every 3-5 s ÷ hourly multiplier)';
  return `${Math.round(rate * 100) / 100} carts/s`;
}

/** Seconds left until `endsAt` as "m:ss" (or "h:mm:ss"); "0:00" once passed, null without an end. */
export function countdown(endsAt: string | Date | null, now: Date): string | null {
  if (!endsAt) return null;
  const left = Math.max(0, Math.ceil((new Date(endsAt).getTime() - now.getTime()) / 1000));
  const h = Math.floor(left / 3600);
  const m = Math.floor((left % 3600) / 60);
  const s = String(left % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
