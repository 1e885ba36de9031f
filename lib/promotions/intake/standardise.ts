/**
 * Standardisation of purchases and promotion behaviour on the way in (seed 001: names, times, currency and
 * field names). Sources differ: the shop publishes camelCase with ISO times and numeric amounts, a log file or a
 * partner's API may send snake_case, epoch milliseconds, "2026-12-02 14:03:00" meant as Korea time, or "₩10,000".
 * Everything that passes comes out in one form (lib/promotions/intake/contracts.ts); everything else gets a reason,
 * which the consumer puts on the dead-letter topic and the ingest API returns per record.
 */
import { fromKstDateTime, kstIso } from '../../platform/time/kst';

export type Standardised<T> = { ok: true; value: T } | { ok: false; reason: string };

const snakeToCamel = (k: string) => k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Object keys in snake_case become camelCase, at every depth; values are untouched. */
export function camelKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(camelKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [snakeToCamel(k), camelKeys(x)]));
  return v;
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
// Epoch milliseconds between 2000 and 2100: a number outside is seconds, or not a time at all.
const EPOCH_MS = { min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) };

/**
 * An event time: ISO 8601 with `Z` or an offset, epoch milliseconds, or `YYYY-MM-DD HH:mm:ss` meaning Korea time.
 * An ISO time without an offset is refused: it could be UTC or Korea time, nine hours apart.
 */
export function standardiseTime(v: unknown): Standardised<Date> {
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < EPOCH_MS.min || v >= EPOCH_MS.max) return { ok: false, reason: `time ${v} is not epoch milliseconds between 2000 and 2100` };
    return { ok: true, value: new Date(v) };
  }
  if (typeof v !== 'string') return { ok: false, reason: `time must be a string or epoch milliseconds, got ${v === null ? 'null' : typeof v}` };
  const s = v.trim();
  const kst = fromKstDateTime(s);
  if (kst) return { ok: true, value: kst };
  if (ISO_WITH_OFFSET.test(s)) {
    const t = Date.parse(s);
    // Date.parse accepts 2026-02-30 as March 2nd; the date part must read back the same in its own offset
    if (Number.isFinite(t) && sameCalendarDate(s, t)) return { ok: true, value: new Date(t) };
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s)) return { ok: false, reason: `time "${s}" has no offset (add Z or +09:00)` };
  return { ok: false, reason: `time "${s}" is not ISO 8601 with an offset, epoch milliseconds or "YYYY-MM-DD HH:mm:ss" (Korea time)` };
}

function sameCalendarDate(s: string, t: number): boolean {
  const off = s.endsWith('Z') ? 0 : (s.at(-6) === '-' ? -1 : 1) * (Number(s.slice(-5, -3)) * 60 + Number(s.slice(-2)));
  return new Date(t + off * 60_000).toISOString().slice(0, 10) === s.slice(0, 10);
}

/** The contract's form of a time: ISO 8601 in Korea time with its offset. */
export const contractTime = (d: Date) => kstIso(d);

/**
 * An amount in whole won: a non-negative integer, or a string such as "10000", "10,000", "₩10,000", "10,000원"
 * (spaces allowed around the sign and the unit). Grouping must be by thousands: "1,0000" is a typo, not 10,000.
 */
export function standardiseAmount(v: unknown): Standardised<number> {
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || v < 0) return { ok: false, reason: `amount ${v} is not a whole, non-negative number of won` };
    return { ok: true, value: v };
  }
  if (typeof v !== 'string') return { ok: false, reason: `amount must be a number or a string, got ${v === null ? 'null' : typeof v}` };
  const s = v.trim().replace(/^(₩|KRW)\s*/i, '').replace(/\s*(원|KRW)$/i, '');
  if (!/^(\d+|\d{1,3}(,\d{3})+)$/.test(s)) return { ok: false, reason: `amount "${v}" is not won as "10000", "10,000", "₩10,000" or "10,000원"` };
  const n = Number(s.replaceAll(',', ''));
  if (!Number.isSafeInteger(n)) return { ok: false, reason: `amount "${v}" is too large` };
  return { ok: true, value: n };
}

/** A person's name: Unicode NFC (Hangul typed on macOS arrives decomposed), trimmed, inner whitespace collapsed. */
export function standardiseName(v: unknown): Standardised<string> {
  if (typeof v !== 'string') return { ok: false, reason: `name must be a string, got ${v === null ? 'null' : typeof v}` };
  const s = v.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!s) return { ok: false, reason: 'name is empty' };
  return { ok: true, value: s };
}
