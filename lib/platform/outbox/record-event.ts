import { z } from 'zod';
import type { Tx } from '../db';
import { createEnvelope, type Causation, type Envelope, type EventDefinition } from '../events/envelope';
import { Prisma } from '../../generated/prisma/client';

/**
 * Writes a domain event into the outbox inside the caller's transaction, so the
 * event exists if and only if the state change committed. The NOTIFY is
 * delivered on commit and wakes the relay without polling delay.
 */
export async function recordEvent<T extends string, P>(
  tx: Tx,
  def: EventDefinition<T, P>,
  payload: NoInfer<P>,
  cause: Causation,
): Promise<Envelope<P> & { type: T }> {
  const envelope = createEnvelope(def, payload, cause);
  // One round trip for the row and the wake-up: this runs inside every command's transaction.
  await tx.$executeRaw`WITH ${outboxCtes(def, envelope, Prisma.sql`${JSON.stringify(envelope)}::jsonb`, null)}
    SELECT count(*) FROM outbox_notified`;
  return envelope;
}

/**
 * recordEvent for many events of one definition in one statement (a seed's hundreds of rules, say): the rows in
 * the order given, one NOTIFY. Same guarantee: they exist if and only if the caller's transaction commits.
 */
export async function recordEvents<T extends string, P>(
  tx: Tx,
  def: EventDefinition<T, P>,
  payloads: readonly NoInfer<P>[],
  cause: Causation,
): Promise<(Envelope<P> & { type: T })[]> {
  const envelopes = payloads.map((p) => createEnvelope(def, p, cause));
  if (!envelopes.length) return envelopes;
  const rows = Prisma.sql`SELECT e."eventId", e.key, e.envelope FROM unnest(${envelopes.map((e) => e.eventId)}::uuid[], ${envelopes.map((e) => def.key(e.payload))}::text[],
    ${envelopes.map((e) => JSON.stringify(e))}::jsonb[]) WITH ORDINALITY AS e("eventId", key, envelope, n) ORDER BY n`;
  await tx.$executeRaw`WITH outbox_insert AS (
      INSERT INTO "OutboxEvent" ("eventId", topic, key, type, envelope)
      SELECT r."eventId", ${def.topic}, r.key, ${def.type}, r.envelope FROM (${rows}) r
      RETURNING 1),
    outbox_notified AS (SELECT pg_notify('outbox', '') WHERE EXISTS (SELECT FROM outbox_insert))
    SELECT count(*) FROM outbox_notified`;
  return envelopes;
}

/** The one place a single outbox row and its NOTIFY are written (recordEvents writes many): WITH-clause entries, the row selected FROM `from` when given. */
function outboxCtes<P>(def: EventDefinition<string, P>, envelope: Envelope<P>, json: Prisma.Sql, from: Prisma.Sql | null): Prisma.Sql {
  return Prisma.sql`
    outbox_insert AS (
      INSERT INTO "OutboxEvent" ("eventId", topic, key, type, envelope)
      SELECT ${envelope.eventId}::uuid, ${def.topic}, ${def.key(envelope.payload)}, ${def.type}, ${json}${from ? Prisma.sql` FROM ${from}` : Prisma.empty}
      RETURNING 1),
    outbox_notified AS (SELECT pg_notify('outbox', '') FROM outbox_insert)`;
}

/**
 * For a command that is a single SQL statement: the outbox insert (and its
 * NOTIFY) as WITH-clause entries to splice into that statement, so the command
 * is one round trip and still writes its event if and only if its change
 * happens. Some payload fields are only known inside the statement (say, the
 * salesman it matched): `completedBy` maps each to a SQL expression over the
 * statement's own CTEs, and `from` names the CTEs it reads; no row there, no
 * event. The fields known here are validated as usual; the others get their
 * type from their columns. The Kafka key must come from the known fields.
 *
 * The caller references `outbox_notified` in its final SELECT: PostgreSQL runs
 * a SELECT in WITH only when something reads it.
 */
export function outboxInsertSql<T extends string, P extends object, K extends keyof P & string>(
  def: EventDefinition<T, P>,
  known: NoInfer<Omit<P, K>>,
  completedBy: Record<K, Prisma.Sql>,
  from: Prisma.Sql,
  cause: Causation,
): Prisma.Sql {
  const fields = Object.keys(completedBy) as K[];
  const schema = def.payload as unknown as z.ZodObject;
  const payload = schema.omit(Object.fromEntries(fields.map((f) => [f, true])) as never).parse(known) as Omit<P, K>;
  // Already validated above, without the fields the statement fills in.
  const envelope = createEnvelope({ ...def, payload: z.unknown() as z.ZodType<P> }, payload as P, cause);
  let json = Prisma.sql`${JSON.stringify(envelope)}::jsonb`;
  for (const f of fields) json = Prisma.sql`jsonb_set(${json}, ${`{payload,${f}}`}::text[], to_jsonb(${completedBy[f]}))`;
  return outboxCtes(def, envelope, json, from);
}
