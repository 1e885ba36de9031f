import { z } from 'zod';

/**
 * Delivery settings, from the environment. Every value has a default, so
 * nothing has to be set: without NOTIFY_WEBHOOK_URL notifications go to the
 * customer's in-app inbox.
 */
const ms = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);
const blankIsUnset = (v: unknown) => (v === '' ? undefined : v);

export const notifierConfigSchema = z.object({
  /** POST each notification here (JSON, Idempotency-Key = notification id) instead of the inbox. */
  NOTIFY_WEBHOOK_URL: z.preprocess(blankIsUnset, z.url({ protocol: /^https?$/, message: 'NOTIFY_WEBHOOK_URL must be an http(s) URL' }).optional()),
  /** One HTTP attempt is abandoned after this long. */
  NOTIFY_TIMEOUT_MS: z.preprocess(blankIsUnset, ms(5_000, 50, 60_000)),
  /** Immediate retries of one delivery (exponential backoff from NOTIFY_RETRY_DELAY_MS) before it is rescheduled. */
  NOTIFY_RETRIES: z.preprocess(blankIsUnset, ms(2, 0, 10)),
  NOTIFY_RETRY_DELAY_MS: z.preprocess(blankIsUnset, ms(200, 10, 10_000)),
  /** Consecutive failed attempts that open the circuit: then nobody calls the receiver… */
  NOTIFY_BREAKER_FAILURES: z.preprocess(blankIsUnset, ms(5, 1, 1_000)),
  /** …until this long has passed and one probe is let through (half-open). */
  NOTIFY_BREAKER_HALF_OPEN_MS: z.preprocess(blankIsUnset, ms(15_000, 100, 3_600_000)),
  /** A failed delivery waits base·2^(attempts-1), at most max (stored in the row, so it survives restarts). */
  NOTIFY_BACKOFF_BASE_MS: z.preprocess(blankIsUnset, ms(2_000, 10, 3_600_000)),
  NOTIFY_BACKOFF_MAX_MS: z.preprocess(blankIsUnset, ms(300_000, 10, 86_400_000)),
  /** How often the delivery loop looks for due notifications when idle. */
  NOTIFY_POLL_MS: z.preprocess(blankIsUnset, ms(500, 20, 60_000)),
});

export interface NotifierConfig {
  webhookUrl: string | undefined;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  breakerFailures: number;
  halfOpenAfterMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  pollMs: number;
}

export type Channel = 'inbox' | 'webhook';

export function notifierConfig(env: Record<string, string | undefined> = process.env): NotifierConfig {
  const parsed = notifierConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid notification settings:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  const c = parsed.data;
  return {
    webhookUrl: c.NOTIFY_WEBHOOK_URL,
    timeoutMs: c.NOTIFY_TIMEOUT_MS,
    retries: c.NOTIFY_RETRIES,
    retryDelayMs: c.NOTIFY_RETRY_DELAY_MS,
    breakerFailures: c.NOTIFY_BREAKER_FAILURES,
    halfOpenAfterMs: c.NOTIFY_BREAKER_HALF_OPEN_MS,
    backoffBaseMs: c.NOTIFY_BACKOFF_BASE_MS,
    backoffMaxMs: Math.max(c.NOTIFY_BACKOFF_MAX_MS, c.NOTIFY_BACKOFF_BASE_MS),
    pollMs: c.NOTIFY_POLL_MS,
  };
}

/** Where new notifications go: the webhook when one is configured, else the inbox. */
export const channelOf = (c: NotifierConfig): Channel => (c.webhookUrl ? 'webhook' : 'inbox');

/**
 * Delay before the next try of a notification that failed `attempts` times:
 * exponential, capped, with "equal jitter" (half fixed, half random) so that
 * many notifications failed together do not all come back in the same instant.
 */
export function retryDelayMs(attempts: number, c: Pick<NotifierConfig, 'backoffBaseMs' | 'backoffMaxMs'>, random = Math.random): number {
  const exp = Math.min(c.backoffMaxMs, c.backoffBaseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
  return Math.round(exp / 2 + (random() * exp) / 2);
}
