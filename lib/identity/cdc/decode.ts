/**
 * Debezium's change events (PostgreSQL connector, JsonConverter without schemas) to the identity store's changes.
 * A value is `{ before, after, source: { schema, table, ts_ms, … }, op, ts_ms }`; op r (snapshot read), c, u, d. A
 * delete is followed by a tombstone (null value) for compaction, which carries nothing for us.
 */
import type { KafkaMessage } from 'kafkajs';
import { z } from 'zod';
import { PoisonMessageError } from '../../platform/kafka/poison';
import { sourceTable, toSourceRow } from '../store/source-records';
import type { StoreChange } from '../store/apply';

const row = z.record(z.string(), z.unknown());
export const debeziumEvent = z.object({
  before: row.nullish(),
  after: row.nullish(),
  source: z.object({ schema: z.string(), table: z.string(), ts_ms: z.number() }).loose(),
  op: z.enum(['r', 'c', 'u', 'd', 't', 'm']),
  ts_ms: z.number().nullish(),
});

const time = (v: unknown, fallback: Date): Date => {
  if (typeof v === 'string' || typeof v === 'number') {
    const d = new Date(v);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return fallback;
};

/**
 * One CDC message to a change; null for what carries no change (tombstones, truncates, logical messages).
 * Throws PoisonMessageError (with the reason, for the dead-letter topic) for a message that is not one.
 */
export function decodeCdcMessage(message: Pick<KafkaMessage, 'key' | 'value'>, { today }: { today?: string } = {}): StoreChange | null {
  if (message.value === null || message.value.length === 0) return null;
  let json: unknown;
  try {
    json = JSON.parse(message.value.toString('utf8'));
  } catch {
    throw new PoisonMessageError('not JSON');
  }
  const parsed = debeziumEvent.safeParse(json);
  if (!parsed.success) throw new PoisonMessageError(`not a Debezium change event: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`).join('; ')}`);
  const e = parsed.data;
  if (e.op === 't' || e.op === 'm') return null;
  const table = sourceTable(`${e.source.schema}.${e.source.table}`);
  if (!table) throw new PoisonMessageError(`${e.source.schema}.${e.source.table} is not a source table of Customer 360`);
  const changedAt = new Date(e.source.ts_ms);
  if (e.op === 'd') {
    const id = e.before?.[table.idColumn];
    if (id === undefined || id === null) throw new PoisonMessageError(`delete without ${table.idColumn} in before`);
    return { type: 'delete', key: `${table.keyPrefix}${String(id)}`, changedAt };
  }
  const after = e.after;
  if (!after) throw new PoisonMessageError(`op ${e.op} without after`);
  if (after[table.idColumn] === undefined || after[table.idColumn] === null) throw new PoisonMessageError(`no ${table.idColumn} in after`);
  const createdAt = time(after.created_at, changedAt);
  return { type: 'upsert', row: toSourceRow(table, after, { today, createdAt, updatedAt: time(after.updated_at, changedAt) }), changedAt };
}
