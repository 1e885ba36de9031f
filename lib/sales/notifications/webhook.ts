import type { OutgoingNotification, Transport } from './notifier';

/**
 * Delivers by POSTing JSON to NOTIFY_WEBHOOK_URL (an SMS gateway, say: the
 * customer is addressed by phone). The Idempotency-Key header is the
 * notification id, the same on every retry, so a receiver that got a request
 * whose answer we never saw (timeout, crash) can drop the repeat. Only a 2xx
 * counts as delivered.
 */
export function webhookTransport(url: string): Transport {
  return {
    channel: 'webhook',
    async send(n: OutgoingNotification, signal: AbortSignal) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'Idempotency-Key': n.id },
        body: JSON.stringify({
          id: n.id,
          to: n.phone,
          title: n.title,
          body: n.body,
          customerId: n.customerId,
          projectId: n.projectId,
          correlationId: n.correlationId,
          createdAt: n.createdAt.toISOString(),
        }),
        signal,
      });
      await res.arrayBuffer().catch(() => undefined); // drain, so the connection can be reused
      if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}`);
    },
  };
}
