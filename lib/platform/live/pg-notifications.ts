import pg from 'pg';
import { config } from '../config';

/**
 * PostgreSQL LISTEN for the web server: one connection per process, shared by
 * every open live stream, listening to a channel while someone subscribes to it.
 * A writer's `pg_notify` arrives once its transaction commits, so a page told
 * "changed" and refetching sees the change.
 *
 * Lost connection: it reconnects (1 s, then up to 10 s apart) and tells every
 * subscriber `{ reconnected: true }`, since notifications sent meanwhile are gone
 * and a page should refetch once.
 */
export type Notification = { payload: string; reconnected?: false } | { payload: ''; reconnected: true };
type Listener = (n: Notification) => void;

class Notifications {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly subscribers = new Map<string, { fns: Set<Listener>; listening: Promise<void> }>();
  private retryMs = 1_000;

  constructor(private readonly url: () => string) {}

  /**
   * Calls `fn` for each notification on `channel` until `unsubscribe()`. `listening`
   * settles once LISTEN is in force (rejects if the database cannot be reached now;
   * the reconnect then tells `fn`), so a caller can read the current state after
   * it and miss no change.
   */
  subscribe(channel: string, fn: Listener): { listening: Promise<void>; unsubscribe: () => void } {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
    let entry = this.subscribers.get(channel);
    if (!entry) {
      entry = { fns: new Set(), listening: this.listen(channel) };
      entry.listening.catch(() => {}); // handled by whoever awaits it, and by the reconnect
      this.subscribers.set(channel, entry);
    }
    const mine = entry;
    mine.fns.add(fn);
    const unsubscribe = () => {
      mine.fns.delete(fn);
      if (mine.fns.size === 0 && this.subscribers.get(channel) === mine) {
        this.subscribers.delete(channel);
        this.client?.query(`UNLISTEN ${channel}`).catch(() => {});
      }
    };
    return { listening: mine.listening, unsubscribe };
  }

  /** Drops every subscriber and closes the connection (tests; the web server's ends with the process). */
  async close() {
    this.subscribers.clear();
    const client = this.client ?? (await this.connecting?.catch(() => null));
    this.client = null;
    await client?.end().catch(() => {});
  }

  private async listen(channel: string): Promise<void> {
    const client = await this.connect();
    if (this.subscribers.has(channel)) await client.query(`LISTEN ${channel}`);
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url(), application_name: 'switchboard-web-live' });
      client.on('notification', (m) => {
        for (const fn of this.subscribers.get(m.channel)?.fns ?? []) fn({ payload: m.payload ?? '' });
      });
      client.on('error', () => this.lost(client));
      client.on('end', () => this.lost(client));
      try {
        await client.connect();
      } catch (e) {
        this.connecting = null;
        this.scheduleReconnect();
        throw e;
      }
      this.client = client;
      this.connecting = null;
      this.retryMs = 1_000;
      return client;
    })();
    return this.connecting;
  }

  private lost(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => {});
    this.scheduleReconnect();
  }

  private scheduleReconnect() {
    if (this.subscribers.size === 0) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 10_000);
    setTimeout(async () => {
      try {
        const client = await this.connect();
        for (const channel of this.subscribers.keys()) await client.query(`LISTEN ${channel}`);
        for (const { fns } of this.subscribers.values()) for (const fn of fns) fn({ payload: '', reconnected: true });
      } catch {
        // connect() scheduled the next try.
      }
    }, wait).unref();
  }
}

// One per process; `next dev` reloads modules on edits and would otherwise open a connection per edit.
const globalForLive = globalThis as unknown as { switchboardNotifications?: Notifications };
export const notifications: Notifications = (globalForLive.switchboardNotifications ??= new Notifications(() => config().DATABASE_URL));

/** For tests: a listener of its own on the given database. */
export const createNotifications = (url: string) => new Notifications(() => url);
