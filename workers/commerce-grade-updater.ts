// Grade updater (seed 002): one set-based grade pass at start and then every
// GRADE_INTERVAL_MINUTES (default 10), reference time = now. Each pass is one
// SQL statement (lib/commerce/grades/run-grade-pass.ts) that also writes the
// grade history, the CustomerGradeChanged outbox rows and the grade counters.
// Consumes nothing: a timer, a heartbeat and an ordered shutdown.
import { createDb } from '../lib/platform/db';
import { describePass, runGradePass, type GradePassResult } from '../lib/commerce/grades/run-grade-pass';
import { startHeartbeat } from '../lib/platform/workers/heartbeat';
import { workerLifecycle } from '../lib/platform/workers/lifecycle';

const NAME = 'commerce-grade-updater';
const life = workerLifecycle(NAME);

const intervalMinutes = Number(process.env.GRADE_INTERVAL_MINUTES || 10);
if (!(intervalMinutes > 0)) throw new Error(`GRADE_INTERVAL_MINUTES must be a positive number of minutes, not "${process.env.GRADE_INTERVAL_MINUTES}"`);
const intervalMs = intervalMinutes * 60_000;
// `npm start` sets 60: the first pass (7 s of PostgreSQL at start on 2 cores) then does not compete with a dozen
// processes starting. Run alone (tests, `npm run grades`-like use), the first pass is at once.
const firstPassDelayMs = Math.max(0, Number(process.env.GRADE_FIRST_PASS_SECONDS || 0)) * 1000;

const db = createDb(undefined, 2);
life.onShutdown(() => db.$disconnect());
const stats = { intervalMinutes, passes: 0, lastPassAt: null as string | null, lastPass: null as GradePassResult | null, lastError: null as string | null };
const heartbeat = startHeartbeat({ db, worker: NAME, details: () => ({ ...stats }) });
life.onShutdown(() => heartbeat.stop());

let running = true;
let wake: () => void = () => {};
/** Waits ms, or until shutdown calls wake(). */
const pause = (ms: number) => new Promise<void>((resolve) => {
  const timer = setTimeout(resolve, ms);
  wake = () => {
    clearTimeout(timer);
    resolve();
  };
});
const loop = (async () => {
  if (firstPassDelayMs) await pause(firstPassDelayMs);
  while (running) {
    const started = Date.now();
    const asOf = new Date(started);
    try {
      const r = await runGradePass(db, { asOf, at: asOf });
      Object.assign(stats, { passes: stats.passes + 1, lastPassAt: asOf.toISOString(), lastPass: r, lastError: null });
      console.log(`[${NAME}] pass ${describePass(asOf, r)}`);
    } catch (e) {
      // The pass is one transaction: a failed one changed nothing. Try again at the next tick.
      stats.lastError = (e as Error).message;
      console.error(`[${NAME}] pass failed, next in ${intervalMinutes} min: ${(e as Error).message}`);
    }
    if (!running) break;
    // Every interval from the start of the last pass (a pass that overran starts the next at once).
    await pause(Math.max(0, started + intervalMs - Date.now()));
  }
})();
// Registered last, so it runs first: let a pass in flight finish (it commits or rolls back whole), within the stop budget.
life.onShutdown(async () => {
  running = false;
  wake();
  await Promise.race([loop, new Promise((r) => setTimeout(r, 5_000))]);
});
heartbeat.setStatus('running');
void heartbeat.beat();
// Before the first pass finishes: at a million users a pass takes seconds, and the supervisor waits for "ready".
console.log(`[${NAME}] ready, a grade pass every ${intervalMinutes} min${firstPassDelayMs ? `, the first in ${firstPassDelayMs / 1000} s` : ''}`);
