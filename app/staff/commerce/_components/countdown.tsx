'use client';

import { useEffect, useState } from 'react';
import { countdown } from '@/lib/commerce/dashboard/format';

/**
 * Time left of a manual scenario, ticking every second between polls. The first
 * render uses the snapshot's time, so the server and the browser agree.
 */
export function Countdown({ endsAt, serverNow }: { endsAt: string | null; serverNow: string }) {
  const [now, setNow] = useState(() => new Date(serverNow));
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 1_000);
    return () => clearInterval(t);
  }, []);
  const left = countdown(endsAt, now);
  if (left === null) return <span className="muted">No timer: the automatic scenario follows the Korea-time hour.</span>;
  if (left === '0:00') return <span data-testid="scenario-timer">Ending: the automatic scenario takes over within seconds.</span>;
  return (
    <span>
      <strong data-testid="scenario-timer" style={{ fontVariantNumeric: 'tabular-nums' }}>{left}</strong> left, then back to the automatic scenario
    </span>
  );
}
