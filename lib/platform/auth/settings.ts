/** Sign-in settings read from the environment (all optional). */

const HOUR = 3_600_000;

/** SESSION_TTL_HOURS (default 168 = 7 days): a session ends this long after sign-in, active or not. */
export function sessionTtlMs(): number {
  const hours = Number(process.env.SESSION_TTL_HOURS ?? 168);
  return (Number.isFinite(hours) && hours > 0 ? hours : 168) * HOUR;
}

/**
 * The login page lists the seeded demo accounts and their password unless
 * SHOW_DEMO_ACCOUNTS=false. An explicit switch rather than NODE_ENV, because
 * `npm start` runs a production build on a developer's machine too.
 */
export function showDemoAccounts(): boolean {
  return process.env.SHOW_DEMO_ACCOUNTS?.toLowerCase() !== 'false';
}

/**
 * LOGIN_MAX_FAILURES (default 5) failed sign-ins for one email within
 * LOGIN_LOCK_MINUTES (default 15) lock that email out until the oldest of them
 * is that old: enough to stop password guessing, short enough that someone who
 * locks out another person's email only delays them.
 */
export function loginThrottle(): { maxFailures: number; windowMs: number } {
  const max = Number(process.env.LOGIN_MAX_FAILURES ?? 5);
  const minutes = Number(process.env.LOGIN_LOCK_MINUTES ?? 15);
  return {
    maxFailures: Number.isInteger(max) && max > 0 ? max : 5,
    windowMs: (Number.isFinite(minutes) && minutes > 0 ? minutes : 15) * 60_000,
  };
}
