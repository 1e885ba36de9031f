import {
  BrokenCircuitError,
  circuitBreaker,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleAll,
  handleWhen,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import type { Channel, NotifierConfig } from './config';

/** What a channel is given to deliver: the notification as the customer will read it. */
export interface OutgoingNotification {
  id: string;
  customerId: string;
  phone: string;
  projectId: string;
  title: string;
  body: string;
  correlationId: string;
  createdAt: Date;
}

/** One way of reaching the customer. `send` resolves only once the channel has accepted the notification. */
export interface Transport {
  channel: Channel;
  send(n: OutgoingNotification, signal: AbortSignal): Promise<void>;
}

export type DeliveryResult = { ok: true } | { ok: false; attempted: boolean; error: string };

export interface NotifierStats {
  calls: number;
  delivered: number;
  failed: number;
  /** Deliveries refused on the spot because the circuit was open (the receiver was not called). */
  shortCircuited: number;
  opened: number;
}

export interface Notifier {
  channel: Channel;
  deliver(n: OutgoingNotification): Promise<DeliveryResult>;
  /** False while the circuit is open and not yet due for a probe: the loop leaves this channel's work alone. */
  accepting(): boolean;
  state(): 'closed' | 'open' | 'half-open';
  stats: NotifierStats;
}

const describe = (e: unknown, timeoutMs: number) =>
  e instanceof TaskCancelledError ? `no answer within ${timeoutMs} ms` : e instanceof Error ? e.message : String(e);

/**
 * Wraps a transport in the resilience policies (cockatiel), outermost first:
 * - retry: a few quick retries with exponential backoff, for blips;
 * - circuit breaker: after N consecutive failed calls it opens and refuses
 *   at once, so a receiver that is down is not hammered (and the loop does
 *   not wait out a timeout per notification); after the half-open delay one
 *   probe goes through and closes it again on success;
 * - timeout: each call is abandoned (and its request aborted) after T ms.
 * Longer outages are handled by the delivery loop, which reschedules in the
 * database with its own backoff: nothing is kept only in memory.
 */
export function createNotifier(transport: Transport, cfg: NotifierConfig, log: (line: string) => void = () => {}): Notifier {
  const breaker = circuitBreaker(handleAll, {
    halfOpenAfter: cfg.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(cfg.breakerFailures),
  });
  const retries = retry(
    handleWhen((e) => !(e instanceof BrokenCircuitError)),
    { maxAttempts: cfg.retries, backoff: new ExponentialBackoff({ initialDelay: cfg.retryDelayMs, maxDelay: cfg.retryDelayMs * 8 }) },
  );
  const policy = wrap(retries, breaker, timeout(cfg.timeoutMs, TimeoutStrategy.Aggressive));

  const stats: NotifierStats = { calls: 0, delivered: 0, failed: 0, shortCircuited: 0, opened: 0 };
  let state: 'closed' | 'open' | 'half-open' = 'closed';
  let openUntil = 0;
  const name = transport.channel;
  breaker.onBreak(() => {
    state = 'open';
    openUntil = Date.now() + cfg.halfOpenAfterMs;
    stats.opened++;
    log(`circuit open (${name}): receiver failing, no calls for ${cfg.halfOpenAfterMs} ms [calls so far ${stats.calls}]`);
  });
  breaker.onHalfOpen(() => {
    state = 'half-open';
    log(`circuit half-open (${name}): sending one probe`);
  });
  breaker.onReset(() => {
    state = 'closed';
    openUntil = 0;
    log(`circuit closed (${name}): receiver answers again`);
  });

  return {
    channel: name,
    stats,
    state: () => state,
    accepting: () => Date.now() >= openUntil,
    async deliver(n) {
      try {
        await policy.execute(async ({ signal }) => {
          stats.calls++;
          try {
            await transport.send(n, signal);
          } catch (e) {
            // The timeout aborts the request, and fetch then fails with a bare "aborted": say what happened.
            throw signal.aborted ? new TaskCancelledError(`no answer within ${cfg.timeoutMs} ms`) : e;
          }
        });
        stats.delivered++;
        return { ok: true };
      } catch (e) {
        if (e instanceof BrokenCircuitError) {
          stats.shortCircuited++;
          return { ok: false, attempted: false, error: 'circuit open: the receiver was failing, not called' };
        }
        stats.failed++;
        return { ok: false, attempted: true, error: describe(e, cfg.timeoutMs).slice(0, 500) };
      }
    },
  };
}
