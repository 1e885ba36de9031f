/**
 * Times as the Korean desk reads them (KST, UTC+9, no daylight saving), built
 * by hand rather than with toLocaleString: Node's and the browser's locale data
 * differ ("AM" vs "오전"), which breaks hydration of client components.
 */
const KST_OFFSET_MS = 9 * 3600_000;

const kst = (iso: string | Date) => new Date(new Date(iso).getTime() + KST_OFFSET_MS).toISOString();

/** "2026-11-21 11:12:13" */
export const kstDateTime = (iso: string | Date) => kst(iso).slice(0, 19).replace('T', ' ');

/** "11:12" */
export const kstMinute = (iso: string | Date) => kst(iso).slice(11, 16);

/** "2026-11-21T11:12:13.000+09:00": an instant as ISO 8601 in Korea time, with its offset */
export const kstIso = (iso: string | Date) => `${kst(iso).slice(0, 23)}+09:00`;

/** "2026-11-21 11:12:13" read as Korea time; null when it is not such a time or not a real date */
export function fromKstDateTime(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi, se);
  const back = new Date(utc);
  // Date.UTC rolls 02-30 over to 03-02: a real date reads back the same
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || se > 59) return null;
  return new Date(utc - KST_OFFSET_MS);
}
