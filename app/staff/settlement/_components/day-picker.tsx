import Link from 'next/link';
import { plusDays } from '@/lib/settlement/desk/days';
import styles from '../settlement.module.css';

/** A plain GET form (works before hydration) and the days either side; `extra` keeps other query parameters. */
export function DayPicker({ day, action, extra = {} }: { day: string; action: string; extra?: Record<string, string> }) {
  const href = (d: string) => `${action}?${new URLSearchParams({ ...extra, day: d })}`;
  return (
    <div className={styles.toolbar}>
      <form method="get" action={action} aria-label="Choose a day">
        {Object.entries(extra).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
        <label>Approval day (Korea)<input type="date" name="day" defaultValue={day} /></label>
        <button type="submit" className="secondary">Show</button>
      </form>
      <nav aria-label="Day" className="actions">
        <Link className="button secondary small" href={href(plusDays(day, -1))}>← {plusDays(day, -1)}</Link>
        <Link className="button secondary small" href={href(plusDays(day, 1))}>{plusDays(day, 1)} →</Link>
      </nav>
    </div>
  );
}
