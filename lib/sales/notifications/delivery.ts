import type { Db } from '../../platform/db';
import { retryDelayMs, type Channel, type NotifierConfig } from './config';
import type { Notifier, OutgoingNotification } from './notifier';

interface Claimed extends OutgoingNotification {
  channel: string;
  attempts: number;
}

export interface DeliveryOptions {
  db: Db;
  cfg: NotifierConfig;
  /** One notifier per channel; a row whose channel has none goes to the inbox (e.g. the webhook was unset since). */
  notifiers: { inbox: Notifier } & Partial<Record<Channel, Notifier>>;
}

/**
 * Takes one due pending notification and leases it: its nextAttemptAt moves
 * past the longest a delivery can take, so a worker that dies mid-delivery
 * only delays it, and a second replica (SKIP LOCKED) never takes the same row.
 * Channels whose circuit is open are left alone until their probe is due.
 */
async function claimOne(db: Db, channels: string[], leaseMs: number): Promise<Claimed | null> {
  if (channels.length === 0) return null;
  const rows = await db.$queryRaw<Claimed[]>`
    UPDATE "Notification" SET "nextAttemptAt" = now() + ${leaseMs} * interval '1 millisecond'
    WHERE id = (
      SELECT id FROM "Notification"
      WHERE status = 'pending' AND "nextAttemptAt" <= now() AND channel = ANY(${channels}::text[])
      ORDER BY "nextAttemptAt", id
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "customerId", phone, "projectId", title, body, "correlationId", "createdAt", channel, attempts`;
  return rows[0] ?? null;
}

/**
 * Delivers at most one notification; true if there was one (so the caller
 * goes on at once), false when nothing is due. The outcome is written to the
 * row: delivered only after the channel accepted it (a webhook's 2xx); a
 * failure stays pending with the error and the time of its next try.
 */
export async function deliverNext({ db, cfg, notifiers }: DeliveryOptions): Promise<boolean> {
  const accepting = Object.values(notifiers).filter((n) => n.accepting()).map((n) => n.channel as string);
  // A webhook row with no webhook configured any more falls back to the inbox rather than waiting forever.
  if (!notifiers.webhook && accepting.includes('inbox')) accepting.push('webhook');
  const leaseMs = cfg.timeoutMs * (cfg.retries + 1) + cfg.retryDelayMs * 8 * cfg.retries + 10_000;
  const n = await claimOne(db, accepting, leaseMs);
  if (!n) return false;

  const notifier = notifiers[n.channel as Channel] ?? notifiers.inbox;
  const result = await notifier.deliver(n);
  if (result.ok) {
    await db.notification.updateMany({
      where: { id: n.id, status: 'pending' },
      data: { status: 'delivered', deliveredAt: new Date(), attempts: { increment: 1 }, lastError: null, channel: notifier.channel },
    });
  } else if (!result.attempted) {
    // Not a real attempt: the circuit refused it. Come back when a probe is due; attempts unchanged.
    await db.notification.update({
      where: { id: n.id },
      data: { nextAttemptAt: new Date(Date.now() + cfg.halfOpenAfterMs), lastError: result.error },
    });
  } else {
    await db.notification.update({
      where: { id: n.id },
      data: {
        attempts: { increment: 1 },
        lastError: result.error,
        nextAttemptAt: new Date(Date.now() + retryDelayMs(n.attempts + 1, cfg)),
      },
    });
  }
  return true;
}

export interface DeliveryLoop {
  stop(): Promise<void>;
}

/** Runs deliverNext until stopped, idling `pollMs` when nothing is due; a database error is logged and retried. */
export function startDeliveryLoop(opts: DeliveryOptions & { log: (line: string) => void }): DeliveryLoop {
  let running = true;
  let wake = () => {};
  const loop = (async () => {
    while (running) {
      let more = false;
      try {
        more = await deliverNext(opts);
      } catch (e) {
        opts.log(`delivery loop error, retrying: ${(e as Error).message}`);
      }
      if (more) continue;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, opts.cfg.pollMs);
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
  })();
  return {
    async stop() {
      running = false;
      wake();
      await loop;
    },
  };
}
