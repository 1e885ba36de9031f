// `npm run history [-- --year 2025] [--replace]`: a year of shop history (default: the previous calendar year)
// into DATABASE_URL (default the dev stack), through the generator's own model on a simulated clock, with a
// progress bar per month and a closing summary. A year that already has orders is refused unless --replace.
import { parseArgs } from 'node:util';
import { devDatabaseUrl, redactUrl } from '../stack/config';

const { values } = parseArgs({ options: { year: { type: 'string' }, replace: { type: 'boolean', default: false }, seed: { type: 'string' } } });
const year = values.year ? Number(values.year) : new Date().getFullYear() - 1;
if (!Number.isInteger(year) || year < 2000 || year > 2100) {
  console.error(`✗ --year "${values.year}" is not a year between 2000 and 2100`);
  process.exit(2);
}
const url = devDatabaseUrl();
process.env.DATABASE_URL = url;
const { createDb } = await import('../../lib/platform/db');
const { HistoryExistsError, runHistory } = await import('../../lib/commerce/history/run-history');
const { formatWon } = await import('../../lib/commerce/grades/rules');

const db = createDb(url, 2);
const tty = process.stdout.isTTY;
const n = (x: number) => x.toLocaleString('en-US');
const month = { carts: 0, lines: 0, revenue: 0, t: performance.now() };
const bar = (done: number, of: number, width = 24) => '█'.repeat(Math.round((done / of) * width)).padEnd(width, '░');

console.log(`history ${year} into ${redactUrl(url)}${values.replace ? ' (replacing what is there)' : ''}`);
try {
  const s = await runHistory(db, {
    year,
    replace: values.replace,
    seed: values.seed ? Number(values.seed) : undefined,
    onDay: ({ day, dayOfMonth, daysInMonth, carts, lines, revenue }) => {
      month.carts += carts;
      month.lines += lines;
      month.revenue += revenue;
      const line = `${day.date.slice(0, 7)} ${bar(dayOfMonth, daysInMonth)} ${String(dayOfMonth).padStart(2)}/${daysInMonth} days  ${n(month.carts).padStart(6)} carts  ${n(month.lines).padStart(7)} lines  ${formatWon(month.revenue)}`;
      if (dayOfMonth === daysInMonth) {
        console.log(`${tty ? '\r' : ''}${line}  (${((performance.now() - month.t) / 1000).toFixed(1)} s)`);
        Object.assign(month, { carts: 0, lines: 0, revenue: 0, t: performance.now() });
      } else if (tty) process.stdout.write(`\r${line}`);
    },
  });
  if (s.replaced) console.log(`replaced ${n(s.replaced)} orders of ${year} that were there before`);
  console.log(`✓ ${year}: ${n(s.carts)} carts, ${n(s.lines)} order lines (${(s.lines / s.carts).toFixed(2)} per cart), revenue ${formatWon(s.revenue)}; ` +
    `${s.gradePasses} grade passes; users per grade now: VIP ${n(s.grades.VIP)}, GOLD ${n(s.grades.GOLD)}, SILVER ${n(s.grades.SILVER)}, BRONZE ${n(s.grades.BRONZE)}  (${(s.ms / 1000).toFixed(1)} s)`);
} catch (e) {
  if (e instanceof HistoryExistsError) {
    console.log(`! ${e.message}`);
    process.exitCode = 1;
  } else {
    console.error(`✗ ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
} finally {
  await db.$disconnect();
}
