'use client';

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from '@/lib/commerce/dashboard/format';

export interface PromotionMinute { minute: string; views: number; clicks: number; affected: number }

/** Views and clicks (bars, left axis) and promotion-affected purchases (line, right axis) per minute. */
export function PromotionMinutesChart({ points }: { points: PromotionMinute[] }) {
  return (
    <figure aria-label="Promotion views, clicks and affected purchases per minute, last 60 minutes (Korea time)" data-testid="promotion-chart" style={{ margin: 0 }}>
      <div style={{ width: '100%', height: 260 }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={points} margin={{ top: 8, right: 0, bottom: 0, left: -12 }}>
            <CartesianGrid stroke="#e2e5ea" strokeDasharray="3 3" />
            <XAxis dataKey="minute" minTickGap={28} fontSize={12} />
            <YAxis yAxisId="b" allowDecimals={false} fontSize={12} />
            <YAxis yAxisId="p" orientation="right" allowDecimals={false} fontSize={12} width={40} />
            <Tooltip formatter={(v) => formatCount(Number(v))} />
            <Legend />
            <Bar yAxisId="b" dataKey="views" name="Views" fill="#c9d6f7" isAnimationActive={false} />
            <Bar yAxisId="b" dataKey="clicks" name="Clicks" fill="#2457d6" isAnimationActive={false} />
            <Line yAxisId="p" type="monotone" dataKey="affected" name="Affected purchases" stroke="#137a3a" strokeWidth={2} dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
