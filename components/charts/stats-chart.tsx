'use client';

import { kstMinute } from '@/lib/platform/time/kst';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartPoint {
  minute: string;
  interests: number;
  consultations: number;
}

// Korean desk, Korean clock, formatted the same on server and browser.
const hhmm = kstMinute;

/**
 * Running totals per minute: interested customers and consultations received.
 * Plain arrays in, no fetching: the live wrapper owns the data. Animation is off
 * so a new point shows at once rather than sliding in over the next second.
 */
export function StatsChart({ points, label }: { points: ChartPoint[]; label: string }) {
  const last = points[points.length - 1];
  return (
    <figure aria-label={label} data-testid="stats-chart" style={{ margin: 0 }}>
      <div style={{ width: '100%', height: 280 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
            <CartesianGrid stroke="#e2e5ea" strokeDasharray="3 3" />
            <XAxis dataKey="minute" tickFormatter={hhmm} minTickGap={24} fontSize={12} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip labelFormatter={(v) => hhmm(String(v))} />
            <Legend />
            <Line type="stepAfter" dataKey="interests" name="Interested customers" stroke="#2457d6" strokeWidth={2} dot={false} isAnimationActive={false} />
            <Line type="stepAfter" dataKey="consultations" name="Consultations" stroke="#137a3a" strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="muted" data-testid="chart-latest">
        {last
          ? `At ${hhmm(last.minute)}: ${last.interests} interested customers, ${last.consultations} consultations in total.`
          : 'No data yet.'}
      </figcaption>
    </figure>
  );
}
