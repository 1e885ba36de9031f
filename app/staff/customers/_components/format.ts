/** "850 ms", "2.4 s": change -> profile latencies. */
export const formatMs = (ms: number | null) => (ms === null ? '–' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

/** "12.3 %" */
export const formatPercent = (share: number) => `${(share * 100).toFixed(1)} %`;

/** 1536 -> "1.5 KiB" */
export function formatBytes(n: number | null): string {
  if (n === null) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = n, i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

export const SOURCE_LABEL: Record<string, string> = { DI: 'DI sales desk', OM: 'OM shop', CX: 'CX support desk' };
