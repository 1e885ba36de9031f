import pg from 'pg';
import { sleep } from './proc';

/**
 * Drops the logical replication slots of database `name` (a CDC connector's): PostgreSQL refuses to drop a database
 * a slot belongs to, even WITH (FORCE). An active slot's walsender is terminated first; the connector's task may
 * reconnect in between, hence the retries. `admin` must be connected to another database of the same server.
 */
export async function dropReplicationSlots(admin: pg.Client, name: string): Promise<string[]> {
  const dropped: string[] = [];
  for (let attempt = 0; ; attempt++) {
    const { rows } = await admin.query<{ slot_name: string; active_pid: number | null }>(
      'SELECT slot_name, active_pid FROM pg_replication_slots WHERE database = $1', [name]);
    if (!rows.length) return dropped;
    try {
      for (const s of rows) {
        if (s.active_pid) await admin.query('SELECT pg_terminate_backend($1)', [s.active_pid]);
        await admin.query('SELECT pg_drop_replication_slot($1)', [s.slot_name]);
        dropped.push(s.slot_name);
      }
    } catch (e) {
      // 55006 object_in_use: the walsender has not exited yet, or the connector reconnected
      if ((e as { code?: string }).code !== '55006' || attempt >= 20) throw new Error(`could not drop the replication slots of ${name}: ${(e as Error).message}`);
      await sleep(250);
    }
  }
}

/** Drops and recreates database `name` on the server of `baseUrl`; returns its URL (not migrated). */
export async function freshDatabase(baseUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await dropReplicationSlots(admin, name);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return u.toString();
}
