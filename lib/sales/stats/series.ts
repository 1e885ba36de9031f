/** One minute on the chart: running totals up to and including that minute. */
export interface SeriesPoint {
  minute: string;
  interests: number;
  consultations: number;
}

export interface BucketCounts {
  bucket: Date;
  interests: number;
  consultations: number;
}

const MINUTE = 60_000;

/**
 * Turns per-minute counts into the running totals the chart draws, one point
 * per minute (empty minutes included, so the line stays flat instead of
 * interpolating), from the minute before the first activity or the start of
 * the window, up to the current minute. `baseline` is what happened before the window.
 */
export function cumulativeSeries(
  buckets: BucketCounts[],
  opts: { now: Date; windowMinutes: number; baseline?: { interests: number; consultations: number } },
): SeriesPoint[] {
  const end = Math.floor(opts.now.getTime() / MINUTE) * MINUTE;
  const windowStart = end - (opts.windowMinutes - 1) * MINUTE;
  const first = Math.min(...buckets.map((b) => b.bucket.getTime()), end);
  const hasBaseline = Boolean(opts.baseline && (opts.baseline.interests || opts.baseline.consultations));
  const start = hasBaseline ? windowStart : Math.max(windowStart, first - MINUTE);

  const byMinute = new Map<number, BucketCounts>();
  for (const b of buckets) byMinute.set(b.bucket.getTime(), b);
  let interests = opts.baseline?.interests ?? 0;
  let consultations = opts.baseline?.consultations ?? 0;
  const points: SeriesPoint[] = [];
  for (let t = start; t <= end; t += MINUTE) {
    const b = byMinute.get(t);
    interests += b?.interests ?? 0;
    consultations += b?.consultations ?? 0;
    points.push({ minute: new Date(t).toISOString(), interests, consultations });
  }
  return points;
}
