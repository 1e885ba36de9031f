/**
 * Project dates are calendar days (PostgreSQL `date`), carried as "YYYY-MM-DD"
 * strings in events and forms and as UTC-midnight Date objects in Prisma.
 */

export function toDay(d: Date | null): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}

export function fromDay(s: string | null): Date | null {
  return s ? new Date(`${s}T00:00:00Z`) : null;
}

/** Today in Korea (the programmes are Korean), whatever the server's time zone. */
export function todayInKorea(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The same calendar day n years later; 29 February becomes 28 February in a common year. */
export function addYears(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y + n;
  const lastOfMonth = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastOfMonth)).padStart(2, '0')}`;
}
