'use client';

import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatKrw } from '@/lib/commerce/dashboard/format';
import type { MinutePoint, PaymentAgeRow } from '@/lib/commerce/dashboard/series';
import { kstMinute } from '@/lib/platform/time/kst';

// Plain arrays in, no fetching: the live wrappers own the data. Animation off, so a
// new minute shows at once instead of sliding in over the next poll.

const GRID = '#e2e5ea';
/** ₩1.2M / ₩350K on an axis, where the full figure would not fit. */
const shortKrw = (v: number) => (v >= 1e9 ? `₩${Math.round(v / 1e8) / 10}B` : v >= 1e6 ? `₩${Math.round(v / 1e5) / 10}M` : v >= 1e3 ? `₩${Math.round(v / 1e3)}K` : `₩${v}`);

export function MinutesChart({ points }: { points: MinutePoint[] }) {
  return (
    <figure aria-label="Carts and revenue per minute, last 60 minutes (Korea time)" data-testid="minutes-chart" style={{ margin: 0 }}>
      <div style={{ width: '100%', height: 260 }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={points} margin={{ top: 8, right: 0, bottom: 0, left: -12 }}>
            <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
            <XAxis dataKey="minute" tickFormatter={kstMinute} minTickGap={28} fontSize={12} />
            <YAxis yAxisId="carts" allowDecimals={false} fontSize={12} />
            <YAxis yAxisId="revenue" orientation="right" tickFormatter={shortKrw} fontSize={12} width={64} />
            <Tooltip labelFormatter={(v) => kstMinute(String(v))} formatter={(v, name) => (name === 'Revenue' ? formatKrw(Number(v)) : formatCount(Number(v)))} />
            <Legend />
            <Bar yAxisId="carts" dataKey="carts" name="Carts" fill="#7fa2ff" isAnimationActive={false} />
            <Line yAxisId="revenue" type="monotone" dataKey="revenue" name="Revenue" stroke="#137a3a" strokeWidth={2} dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export function NewUsersChart({ points }: { points: MinutePoint[] }) {
  return (
    <figure aria-label="New shop users, running total over the last 60 minutes" data-testid="new-users-chart" style={{ margin: 0 }}>
      <div style={{ width: '100%', height: 200 }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
            <XAxis dataKey="minute" tickFormatter={kstMinute} minTickGap={28} fontSize={12} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip labelFormatter={(v) => kstMinute(String(v))} />
            <Line type="monotone" dataKey="newUsersTotal" name="New users (running total)" stroke="#2457d6" strokeWidth={2} dot={false} isAnimationActive={false} />
            <Bar dataKey="newUsers" name="New users that minute" fill="#c9d6f7" isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export const METHOD_COLOURS = { Card: '#2457d6', NaverPay: '#03a94d', KakaoPay: '#e0b000', Bank: '#8a94a6' } as const;

export function PaymentAgeChart({ rows }: { rows: PaymentAgeRow[] }) {
  return (
    <figure aria-label="Carts by payment method for each age group (all time)" data-testid="payment-age-chart" style={{ margin: 0 }}>
      <div style={{ width: '100%', height: 220 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -8 }} stackOffset="expand">
            <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
            <XAxis dataKey="ageGroup" fontSize={12} />
            <YAxis tickFormatter={(v) => `${Math.round(Number(v) * 100)}%`} fontSize={12} />
            <Tooltip formatter={(v) => `${formatCount(Number(v))} carts`} />
            <Legend />
            {(Object.keys(METHOD_COLOURS) as (keyof typeof METHOD_COLOURS)[]).map((m) => (
              <Bar key={m} dataKey={m} stackId="m" fill={METHOD_COLOURS[m]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export function HistoryChart({ rows, label }: { rows: { start: string; carts: number; revenue: number }[]; label: string }) {
  return (
    <figure aria-label={label} data-testid="history-chart" style={{ margin: 0 }}>
      <div style={{ width: '100%', height: 300 }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows} margin={{ top: 8, right: 0, bottom: 0, left: -12 }}>
            <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
            <XAxis dataKey="start" minTickGap={28} fontSize={12} />
            <YAxis yAxisId="carts" allowDecimals={false} fontSize={12} />
            <YAxis yAxisId="revenue" orientation="right" tickFormatter={shortKrw} fontSize={12} width={64} />
            <Tooltip formatter={(v, name) => (name === 'Revenue' ? formatKrw(Number(v)) : formatCount(Number(v)))} />
            <Legend />
            <Bar yAxisId="carts" dataKey="carts" name="Carts" fill="#7fa2ff" isAnimationActive={false} />
            <Line yAxisId="revenue" type="monotone" dataKey="revenue" name="Revenue" stroke="#137a3a" strokeWidth={2} dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
