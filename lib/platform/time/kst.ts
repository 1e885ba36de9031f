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
