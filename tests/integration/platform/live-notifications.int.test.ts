// The web server's shared LISTEN connection (lib/platform/live): a notification reaches the
// subscribers of its channel only; a lost connection comes back on its own and says so, so the
// pages refetch what they may have missed.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { config } from '@/lib/platform/config';
import { db } from '@/lib/platform/db';
import { createNotifications, type Notification } from '@/lib/platform/live/pg-notifications';
import { waitFor } from '../helpers';

const listener = createNotifications(config().DATABASE_URL);
afterAll(() => listener.close());

const channel = () => `it_live_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const notify = (ch: string, payload: string) => db.$executeRawUnsafe(`SELECT pg_notify($1, $2)`, ch, payload);

describe('live notifications', () => {
  it('delivers a notification to its channel\'s subscribers, in order, and no more after unsubscribing', async () => {
    const [a, b] = [channel(), channel()];
    const onA: Notification[] = [];
    const onB: Notification[] = [];
    const subA = listener.subscribe(a, (n) => onA.push(n));
    const subB = listener.subscribe(b, (n) => onB.push(n));
    await Promise.all([subA.listening, subB.listening]);
    await notify(a, 'one');
    await notify(a, 'two');
    await waitFor(async () => onA.length >= 2, 10_000, 'two notifications on a');
    expect(onA.map((n) => n.payload)).toEqual(['one', 'two']);
    expect(onB).toEqual([]);

    subA.unsubscribe();
    await notify(a, 'three');
    await notify(b, 'for b');
    await waitFor(async () => onB.length >= 1, 10_000, 'the notification on b');
    expect(onA.map((n) => n.payload)).toEqual(['one', 'two']);
    subB.unsubscribe();
  });

  it('reconnects after its connection is killed, tells its subscribers, and listens again', async () => {
    const ch = channel();
    const heard: Notification[] = [];
    const sub = listener.subscribe(ch, (n) => heard.push(n));
    await sub.listening;
    const killed = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'switchboard-web-live' AND query ILIKE 'LISTEN%${ch}%') t`,
    );
    expect(killed[0]!.n).toBe(1);
    await waitFor(async () => heard.some((n) => n.reconnected), 15_000, 'the reconnect');
    await notify(ch, 'after');
    await waitFor(async () => heard.some((n) => n.payload === 'after'), 10_000, 'a notification after the reconnect');
    sub.unsubscribe();
  });
});
