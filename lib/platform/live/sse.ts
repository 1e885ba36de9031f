import { notifications, type Notification } from './pg-notifications';

/** A comment line every 20 s keeps proxies and the browser from closing an idle stream. */
const KEEPALIVE_MS = 20_000;

/**
 * A server-sent-event stream that says `event: <event>` whenever a PostgreSQL
 * notification on `channel` concerns this viewer (`concerns(payload)`), and after
 * the listener reconnected (notifications may have been missed). It carries no
 * data: the page refetches what it shows through its ordinary API, so the
 * stream leaks nothing and a missed message costs only the next safety poll.
 * Notifications arriving together become one message.
 */
export function notificationStream(request: Request, opts: { channel: string; event: string; concerns: (payload: string) => boolean }): Response {
  const encoder = new TextEncoder();
  let close = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let pending = false;
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close(); // the client has gone
        }
      };
      const { listening, unsubscribe } = notifications.subscribe(opts.channel, (n: Notification) => {
        if (!n.reconnected && !opts.concerns(n.payload)) return;
        if (pending) return;
        pending = true;
        queueMicrotask(() => {
          pending = false;
          send(`event: ${opts.event}\ndata: \n\n`);
        });
      });
      const keepalive = setInterval(() => send(': keepalive\n\n'), KEEPALIVE_MS);
      close = () => {
        clearInterval(keepalive);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      request.signal.addEventListener('abort', () => close(), { once: true });
      // The first bytes send the headers: the browser's `open`, on which the page refetches, so they wait for LISTEN
      // (a change committed before then is in that refetch, one after it is notified). If the database cannot be
      // reached now, the stream opens anyway and the listener's reconnect tells it. EventSource reconnects `retry` ms
      // after a break.
      void listening.catch(() => {}).then(() => send('retry: 2000\n: listening\n\n'));
    },
    cancel() {
      close();
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no' },
  });
}
