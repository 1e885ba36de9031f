import type pg from 'pg';
import { SOURCE_TABLES, toSourceRow, type SourceRow } from '../store/source-records';

/**
 * Every row of the source systems (L0), as L1 source records, read through cursors in one REPEATABLE READ snapshot
 * (a consistent picture of all three sources, however long the read), `batch` rows at a time: memory stays flat. What
 * the bulk load reads on a first backfill. Timestamps in `raw` are ISO strings, as Debezium gives them.
 */
export async function* readSourceRows(pool: pg.Pool, { today, batch = 5_000 }: { today?: string; batch?: number } = {}): AsyncGenerator<SourceRow> {
  const client = await pool.connect();
  let open = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    open = true;
    for (const t of SOURCE_TABLES) {
      await client.query(`DECLARE source_rows NO SCROLL CURSOR FOR SELECT * FROM ${t.table}`);
      for (;;) {
        const { rows } = await client.query<Record<string, unknown>>(`FETCH ${batch} FROM source_rows`);
        for (const raw of rows) {
          for (const [k, v] of Object.entries(raw)) if (v instanceof Date) raw[k] = v.toISOString();
          const createdAt = new Date(raw.created_at as string), updatedAt = new Date(raw.updated_at as string);
          yield toSourceRow(t, raw, { today, createdAt, updatedAt });
        }
        if (rows.length < batch) break;
      }
      await client.query('CLOSE source_rows');
    }
    await client.query('COMMIT');
    open = false;
  } finally {
    // also when the reader stops early (an error in the load): never hand the pool a connection inside a transaction
    if (open) await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
}

/** How many rows the sources hold (the bulk load's progress total). */
export async function countSourceRows(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(`SELECT ${SOURCE_TABLES.map((t) => `(SELECT count(*) FROM ${t.table})`).join(' + ')} AS n`);
  return Number(rows[0]!.n);
}
