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
