import { describe, expect, it } from 'vitest';
import { notifierConfig } from './config';
import { createNotifier, type OutgoingNotification, type Transport } from './notifier';

const cfg = notifierConfig({
  NOTIFY_TIMEOUT_MS: '50',
  NOTIFY_RETRIES: '1',
  NOTIFY_RETRY_DELAY_MS: '10',
  NOTIFY_BREAKER_FAILURES: '3',
  NOTIFY_BREAKER_HALF_OPEN_MS: '150',
});
const note = (id: string): OutgoingNotification => ({
  id, customerId: id, phone: '010-1234-5678', projectId: id, title: 't', body: 'b', correlationId: id, createdAt: new Date(),
});

/** A receiver that behaves as told, and counts the calls it gets. */
function fakeReceiver() {
  const r = {
    mode: 'ok' as 'ok' | 'fail' | 'hang',
    calls: 0,
    aborted: 0,
    transport: {
      channel: 'webhook',
      send: (_n, signal) => {
        r.calls++;
        if (r.mode === 'ok') return Promise.resolve();
        if (r.mode === 'fail') return Promise.reject(new Error('webhook answered HTTP 503'));
        return new Promise<void>((_, reject) => signal.addEventListener('abort', () => (r.aborted++, reject(new Error('aborted')))));
      },
    } satisfies Transport,
  };
  return r;
}

describe('notifier (cockatiel policies)', () => {
  it('delivers on the first try when the receiver answers', async () => {
    const r = fakeReceiver();
    const n = createNotifier(r.transport, cfg);
    expect(await n.deliver(note('a'))).toEqual({ ok: true });
    expect([r.calls, n.stats.delivered, n.state()]).toEqual([1, 1, 'closed']);
  });

  it('retries a failure once, then reports it as attempted', async () => {
    const r = fakeReceiver();
    r.mode = 'fail';
    const n = createNotifier(r.transport, cfg);
    expect(await n.deliver(note('a'))).toEqual({ ok: false, attempted: true, error: 'webhook answered HTTP 503' });
    expect(r.calls).toBe(2);
  });

  it('gives up on a hanging receiver after the timeout and aborts the request', async () => {
    const r = fakeReceiver();
    r.mode = 'hang';
    const n = createNotifier(r.transport, { ...cfg, retries: 0 });
    const t = Date.now();
    expect(await n.deliver(note('a'))).toMatchObject({ ok: false, attempted: true, error: 'no answer within 50 ms' });
    expect(Date.now() - t).toBeLessThan(1_000);
    expect(r.aborted).toBe(1);
  });

  it('opens after 3 consecutive failures, then refuses without calling, and closes after a good probe', async () => {
    const r = fakeReceiver();
    r.mode = 'fail';
    const lines: string[] = [];
    const n = createNotifier(r.transport, cfg, (l) => lines.push(l));
    await n.deliver(note('a')); // 2 calls
    expect(await n.deliver(note('b'))).toMatchObject({ ok: false, attempted: false }); // 3rd call opens it; the retry is refused
    expect([r.calls, n.state(), n.accepting()]).toEqual([3, 'open', false]);

    for (let i = 0; i < 10; i++) expect(await n.deliver(note(`c${i}`))).toMatchObject({ ok: false, attempted: false });
    expect(r.calls).toBe(3); // the receiver was left alone while open
    expect(n.stats).toMatchObject({ shortCircuited: 11, opened: 1 });

    await new Promise((resolve) => setTimeout(resolve, 170));
    expect(n.accepting()).toBe(true);
    r.mode = 'ok';
    expect(await n.deliver(note('d'))).toEqual({ ok: true }); // the half-open probe
    expect([r.calls, n.state()]).toEqual([4, 'closed']);
    expect(lines.join('\n')).toMatch(/circuit open \(webhook\)[\s\S]*half-open[\s\S]*circuit closed/);
  });

  it('opens again when the half-open probe fails', async () => {
    const r = fakeReceiver();
    r.mode = 'fail';
    const n = createNotifier(r.transport, cfg);
    await n.deliver(note('a'));
    await n.deliver(note('b'));
    await new Promise((resolve) => setTimeout(resolve, 170));
    expect(await n.deliver(note('c'))).toMatchObject({ ok: false });
    expect([r.calls, n.state(), n.stats.opened]).toEqual([4, 'open', 2]);
  });
});
