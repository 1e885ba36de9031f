import type { Sql } from '../store/sql';
import type { SourceTable } from '../store/source-records';

/** Each source table's columns and their SQL types, for bulk writes (the simulator, the CSV import). */
export const SOURCE_COLUMNS: Record<SourceTable['table'], [string, string][]> = {
  'di.customer': [['customer_id', 'text'], ['customer_name', 'text'], ['mobile', 'text'], ['email', 'text'], ['company', 'text'], ['region', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
  'di.consultation_contact': [['contact_id', 'text'], ['customer_name', 'text'], ['mobile', 'text'], ['email', 'text'], ['company', 'text'], ['region', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
  'om.users': [['user_id', 'text'], ['user_name', 'text'], ['phone_no', 'text'], ['email_addr', 'text'], ['birth_ymd', 'text'], ['gender', 'text'], ['addr', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
  'cx.contact': [['contact_id', 'text'], ['full_name', 'text'], ['phones', 'text[]'], ['email', 'text'], ['address', 'text'], ['rrn_front', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
};

/**
 * Upserts rows into one source table in one statement (the source system's own write: Debezium streams it like any
 * other). Rows are keyed by the table's id column; a row written again replaces the old one (an update).
 */
export async function upsertSourceRows(sql: Sql, table: SourceTable, rows: readonly Record<string, unknown>[]): Promise<number> {
  if (!rows.length) return 0;
  const cols = SOURCE_COLUMNS[table.table];
  const names = cols.map(([c]) => c);
  const recordset = cols.map(([c, t]) => `${c} ${t === 'text[]' ? 'jsonb' : t}`).join(', ');
  const select = cols.map(([c, t]) => (t === 'text[]' ? `ARRAY(SELECT jsonb_array_elements_text(coalesce(r.${c}, '[]'::jsonb)))` : c === 'created_at' || c === 'updated_at' ? `coalesce(r.${c}, now())` : `r.${c}`)).join(', ');
  const update = names.filter((c) => c !== table.idColumn && c !== 'created_at').map((c) => `${c} = EXCLUDED.${c}`).join(', ');
  const res = await sql.query(
    `INSERT INTO ${table.table} (${names.join(', ')}) SELECT ${select} FROM jsonb_to_recordset($1::jsonb) AS r(${recordset})
     ON CONFLICT (${table.idColumn}) DO UPDATE SET ${update}`, [JSON.stringify(rows)]);
  return res.rowCount ?? rows.length;
}
