import pg from 'pg';
import { config } from '../../platform/config';
import type { Sql } from '../store/sql';

// Staff's identity actions (split, merge, erase) run the same store code as the linker worker, on plain pg, inside a
// transaction under the same lock. One small pool per web server process.
const g = globalThis as typeof globalThis & { switchboardIdentityPool?: pg.Pool };

export function identityPool(): pg.Pool {
  return (g.switchboardIdentityPool ??= new pg.Pool({ connectionString: config().DATABASE_URL, max: 3, application_name: 'identity-desk' }));
}

/** Runs fn in one transaction (rolled back if it throws). */
export async function inTransaction<T>(fn: (sql: Sql) => Promise<T>, pool: pg.Pool = identityPool()): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
