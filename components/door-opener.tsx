'use client';

import { useState, type ReactNode } from 'react';
import type { DoorOpener } from '@/lib/identity/desk/door-opener';
import styles from './door-opener.module.css';

type Loaded = { profile: DoorOpener | null } | { error: string };

const day = (iso: string | Date) => new Date(iso).toLocaleDateString('ko-KR', { dateStyle: 'short', timeZone: 'Asia/Seoul' });
const won = (n: number) => `${n.toLocaleString('ko-KR')}원`;

/**
 * The customer behind a consultation, unified across the sales desk, the shop and the support desk. Fetched when the
 * salesman opens it, so the desk itself loads no faster or slower than before.
 */
export function DoorOpenerDetails({ consultationId, label }: { consultationId: string; label: string }) {
  const [data, setData] = useState<Loaded | null>(null);
  const load = async () => {
    setData(null);
    try {
      const res = await fetch(`/api/identity/door-opener/${consultationId}`, { cache: 'no-store' });
      const json = await res.json();
      setData(res.ok ? (json as { profile: DoorOpener | null }) : { error: (json as { message?: string }).message ?? `HTTP ${res.status}` });
    } catch (e) {
      setData({ error: (e as Error).message });
    }
  };
  return (
    <details onToggle={(e) => { if ((e.currentTarget as HTMLDetailsElement).open && !data) void load(); }} data-testid="door-opener">
      <summary aria-label={`Customer profile: ${label}`}>Customer profile</summary>
      <div aria-live="polite" className={styles.body}>
        {!data ? <p className="muted" aria-busy="true">Loading…</p>
          : 'error' in data ? <p className="notice bad" role="alert">{data.error} <button type="button" className="secondary small" onClick={() => void load()}>Retry</button></p>
          : !data.profile ? <p className="muted">Not linked yet: the customer’s profile follows within seconds of the request.</p>
          : <Profile p={data.profile} />}
      </div>
    </details>
  );
}

function Profile({ p }: { p: DoorOpener }) {
  const fact = (label: string, value: ReactNode, wide = false) => <div className={wide ? styles.wide : undefined}><dt>{label}</dt><dd>{value}</dd></div>;
  return (
    <dl className={styles.facts}>
      {fact('Name', <>{p.name ?? '–'}{p.birthDate && ` (${p.birthDate})`}</>)}
      {fact('Grade', p.grade ?? 'not a shop customer')}
      {fact('Sources', p.sources.join(', '))}
      {fact('Contact', <>{[...p.phones, ...p.emails].join(', ') || '–'}{p.address && <div className="muted">{p.address}</div>}</>)}
      {fact('Recent orders', p.recentOrders.length === 0 ? '–' : <ul>{p.recentOrders.map((o) => <li key={o.id}>{day(o.orderedAt)} · {won(Number(o.total))} · {o.itemCount} item(s)</li>)}</ul>, true)}
      {fact('Interests', p.interests.length === 0 ? '–' : p.interests.map((i) => `${i.projectName} ${i.year}${i.interested ? '' : ' (withdrawn)'}`).join(', '), true)}
      {fact('Other consultations', p.otherConsultations.length === 0 ? '–' : <ul>{p.otherConsultations.map((c) => <li key={c.id}>{day(c.at)} · {c.projectName} · {c.step}</li>)}</ul>, true)}
    </dl>
  );
}
