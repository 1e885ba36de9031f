// Customer 360's change data capture: the Debezium PostgreSQL connector that streams the three source systems
// (schemas di, om, cx) into Kafka, registered on a Kafka Connect worker through its REST API, and its health as the
// staff page shows it (Connect's view of the connector and tasks, PostgreSQL's view of the replication slot).
import pg from 'pg';
import { topicsFor } from '../../platform/events/topics';

/** The source systems' schemas (prisma/migrations/…_identity_sources): every table in them is captured. */
export const CDC_SCHEMAS = ['di', 'om', 'cx'] as const;

/** Debezium heartbeats go to `<topic.heartbeat.prefix>.<topic.prefix>`; Connect creates it (see connectorConfig). */
export const heartbeatTopic = (topicPrefix: string) => `__debezium-heartbeat.${topicsFor(topicPrefix).cdcPrefix}`;

export interface DatabaseTarget { host: string; port: number; user: string; password: string; dbname: string }

/** Connection fields of a postgres:// URL, as Debezium takes them (it does not read URLs). */
export function parseDatabaseUrl(databaseUrl: string): DatabaseTarget {
  let u: URL;
  try { u = new URL(databaseUrl); } catch { throw new Error(`not a database URL: ${databaseUrl.replace(/\/\/[^@]*@/, '//***@')}`); }
  if (!/^postgres(ql)?:$/.test(u.protocol)) throw new Error(`not a postgresql:// URL (${u.protocol}): the CDC connector reads PostgreSQL only`);
  const dbname = decodeURIComponent(u.pathname.slice(1));
  if (!dbname) throw new Error('the database URL names no database (…/<dbname>)');
  return {
    // IPv6 literals come bracketed from URL; the JDBC driver wants them bare
    host: u.hostname.replace(/^\[(.*)\]$/, '$1') || 'localhost',
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || 'postgres',
    password: decodeURIComponent(u.password),
    dbname,
  };
}

/**
 * Replication slots are per server, not per database, so the slot name carries the database's name: the dev, e2e
 * and integration-test databases can share one server. PostgreSQL allows [a-z0-9_] and 63 bytes; a longer name is
 * cut and made unique again with a hash of the whole.
 */
export function slotNameFor(dbname: string): string {
  const safe = `cdc_${dbname.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`;
  if (safe.length <= 63) return safe;
  let h = 0x811c9dc5; // FNV-1a: stable across processes, which the slot name must be
  for (const ch of dbname) { h ^= ch.codePointAt(0)!; h = Math.imul(h, 0x01000193) >>> 0; }
  return `${safe.slice(0, 54)}_${h.toString(16).padStart(8, '0')}`;
}

/** The connector's name on the Connect cluster: one per database, so several databases can share one Connect. */
export const connectorNameFor = (databaseUrl: string) => `switchboard-cdc-${parseDatabaseUrl(databaseUrl).dbname}`;

export interface ConnectorConfigInput {
  databaseUrl: string;
  /** KAFKA_TOPIC_PREFIX of the environment: the changes go to topicsFor(topicPrefix).cdc* */
  topicPrefix: string;
  /** the connector's name on the Connect cluster (see connectorNameFor) */
  name: string;
  /**
   * 'when_needed' (default): snapshot the rows there are on first start. 'no_data': stream changes only, for a
   * database whose sources were loaded into the identity store by the bulk load (identity:backfill) already.
   */
  snapshot?: 'when_needed' | 'no_data';
}

/** Debezium's PostgreSQL connector configuration for one database (all values strings, as Connect's REST API returns them). */
export function connectorConfig({ databaseUrl, topicPrefix, name, snapshot = 'when_needed' }: ConnectorConfigInput): Record<string, string> {
  const db = parseDatabaseUrl(databaseUrl);
  const slot = slotNameFor(db.dbname);
  return {
    name,
    'connector.class': 'io.debezium.connector.postgresql.PostgresConnector',
    'tasks.max': '1', // a PostgreSQL connector never runs more than one task (one slot, one stream)
    // pgoutput is built into PostgreSQL 10+: no decoder plugin to install in the embedded server
    'plugin.name': 'pgoutput',
    'database.hostname': db.host,
    'database.port': String(db.port),
    'database.user': db.user,
    'database.password': db.password,
    'database.dbname': db.dbname,
    // <cdcPrefix>.<schema>.<table>: exactly the topics lib/platform/events/topics.ts declares and the stack creates
    'topic.prefix': topicsFor(topicPrefix).cdcPrefix,
    'schema.include.list': CDC_SCHEMAS.join(','),
    'slot.name': slot,
    'publication.name': slot,
    // a publication of just the captured tables (the default, all_tables, would decode every write of the sales desk
    // and the shop in this database only for the connector to drop it)
    'publication.autocreate.mode': 'filtered',
    // no offsets yet (first start): snapshot the existing rows (op "r"), then stream. Also when the stored offset is
    // no longer available on the server (the slot was dropped with its database and the database made afresh, as the
    // test runner does): snapshot again rather than silently start after the rows that are already there.
    'snapshot.mode': snapshot,
    // Changes of the captured tables can be rare while the rest of the database is busy: without a record to commit,
    // the connector never confirms a newer LSN and the slot holds all WAL since. A heartbeat record every 10 s lets
    // it confirm the position it has read up to.
    'heartbeat.interval.ms': '10000',
    // The broker does not auto-create topics: Connect creates the heartbeat topic (and any captured table's topic the
    // stack did not) with these settings; the topics the stack made keep theirs.
    'topic.creation.default.replication.factor': '1',
    'topic.creation.default.partitions': '1',
    'topic.creation.default.cleanup.policy': 'delete',
    'topic.creation.default.retention.ms': String(7 * 24 * 3600 * 1000),
    // plain JSON values (the worker's JsonConverter runs with schemas.enable=false, so nothing says a field is a
    // decimal or a timestamp): numeric/money as exact decimal strings instead of base64 bytes; time and timestamp
    // without zone as epoch milliseconds (timestamptz is an ISO-8601 string in UTC either way); interval as ISO-8601
    'decimal.handling.mode': 'string',
    'time.precision.mode': 'connect',
    'interval.handling.mode': 'string',
    'hstore.handling.mode': 'json',
    // a delete = an event with after: null, then a tombstone (null value) so a compacted topic forgets the key
    'tombstones.on.delete': 'true',
    // Debezium waits up to poll.interval.ms (default 500) for more changes before handing a batch to Connect: a
    // customer's change reaches the profile that much later. 100 ms keeps the latency small at little CPU.
    'poll.interval.ms': '100',
    // the slot survives restarts of Connect: changes made while it is down or paused are streamed afterwards
    'slot.drop.on.stop': 'false',
  };
}

export type ConnectorState = 'RUNNING' | 'PAUSED' | 'STOPPED' | 'FAILED' | 'UNASSIGNED' | 'RESTARTING';

/** A Connect REST answer that was not what was asked: carries the HTTP status and Connect's own message. */
export class ConnectError extends Error {
  constructor(message: string, readonly status?: number) { super(message); }
}

const trimUrl = (u: string) => u.replace(/\/+$/, '');

/** Describes an error of fetch (undici wraps the system error in `cause`). */
function networkReason(e: unknown): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'no answer in time';
  return err.cause?.code ?? err.cause?.message ?? err.message ?? String(e);
}

async function rest(connectUrl: string, method: string, path: string, body?: unknown, timeoutMs = 10_000): Promise<{ status: number; json: unknown; text: string }> {
  const res = await fetch(`${trimUrl(connectUrl)}${path}`, {
    method,
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let json: unknown;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
  return { status: res.status, json, text };
}

const messageOf = (r: { status: number; json: unknown; text: string }) =>
  ((r.json as { message?: string } | undefined)?.message ?? r.text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()).slice(0, 2000);

/**
 * Whether an answer means "Connect is still starting, ask again": Jetty answers 404 (HTML, no JSON) before the REST
 * resources are installed; a worker that has not joined its group yet, or is rebalancing, answers 409 ("Cannot complete
 * request because of a conflicting operation", "rebalance in progress") or 5xx ("Request timed out", "not the leader").
 */
export function isTransientAnswer(status: number, json: unknown): boolean {
  if (status === 409 || status >= 500) return true;
  return status === 404 && (json === undefined || typeof json !== 'object');
}

export interface EnsureOptions {
  /** how long to keep asking while Connect starts (default 90 s) */
  timeoutMs?: number;
}

/**
 * Creates or updates the connector (PUT /connectors/<name>/config, which is idempotent), retrying while Connect is
 * starting or rebalancing. An unchanged config is not written again (a write restarts the connector's task); a
 * registered connector that has FAILED (say, PostgreSQL was down when it started) is restarted.
 */
export async function ensureConnector(connectUrl: string, config: Record<string, string>, opts: EnsureOptions = {}): Promise<'created' | 'updated' | 'unchanged'> {
  const name = config.name;
  if (!name) throw new Error('connector config has no name');
  const path = `/connectors/${encodeURIComponent(name)}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 90_000);
  let last = '';
  for (let attempt = 0; ; attempt++) {
    if (attempt) {
      if (Date.now() > deadline) throw new ConnectError(`Kafka Connect at ${connectUrl} did not take connector ${name} within ${Math.round((opts.timeoutMs ?? 90_000) / 1000)} s: ${last}`);
      await new Promise((r) => setTimeout(r, Math.min(250 * attempt, 2000)));
    }
    try {
      const current = await rest(connectUrl, 'GET', `${path}/config`);
      if (isTransientAnswer(current.status, current.json)) { last = `HTTP ${current.status} ${messageOf(current)}`; continue; }
      if (current.status === 200 && sameConfig(current.json as Record<string, string>, config)) {
        await restartIfFailed(connectUrl, name);
        return 'unchanged';
      }
      const put = await rest(connectUrl, 'PUT', `${path}/config`, config, 60_000); // validation connects to PostgreSQL
      if (isTransientAnswer(put.status, put.json)) { last = `HTTP ${put.status} ${messageOf(put)}`; continue; }
      if (put.status === 200 || put.status === 201) return put.status === 201 ? 'created' : 'updated';
      // 400: Connect's validation (Debezium connects to the database, checks wal_level, the user's rights, …)
      throw new ConnectError(`Kafka Connect refused connector ${name} (HTTP ${put.status}): ${messageOf(put)}`, put.status);
    } catch (e) {
      if (e instanceof ConnectError) throw e;
      last = `Connect unreachable (${networkReason(e)})`;
    }
  }
}

function sameConfig(a: Record<string, string> | undefined, b: Record<string, string>): boolean {
  if (!a) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

async function restartIfFailed(connectUrl: string, name: string): Promise<void> {
  const s = await rest(connectUrl, 'GET', `/connectors/${encodeURIComponent(name)}/status`);
  const status = s.json as RestStatus | undefined;
  if (s.status !== 200 || !status) return;
  if (status.connector.state === 'FAILED' || status.tasks.some((t) => t.state === 'FAILED')) {
    await rest(connectUrl, 'POST', `/connectors/${encodeURIComponent(name)}/restart?includeTasks=true&onlyFailed=true`);
  }
}

/** Removes the connector from Connect (its slot stays in PostgreSQL: drop it with the database, or by hand). False if there was none. */
export async function deleteConnector(connectUrl: string, name: string): Promise<boolean> {
  let r;
  try { r = await rest(connectUrl, 'DELETE', `/connectors/${encodeURIComponent(name)}`, undefined, 30_000); } catch (e) {
    throw new ConnectError(`Connect unreachable at ${connectUrl} (${networkReason(e)})`);
  }
  if (r.status === 404 && r.json) return false;
  if (r.status === 204 || r.status === 200) return true;
  throw new ConnectError(`Kafka Connect did not delete connector ${name} (HTTP ${r.status}): ${messageOf(r)}`, r.status);
}

interface RestStatus {
  name: string;
  connector: { state: ConnectorState; worker_id: string; trace?: string };
  tasks: { id: number; state: ConnectorState; worker_id: string; trace?: string }[];
}

export interface SlotStatus {
  name: string;
  /** a walsender is streaming from it (the connector's task is connected) */
  active: boolean;
  /** reserved | extended | unreserved | lost (PostgreSQL's wal_status) */
  walStatus: string | null;
  confirmedFlushLsn: string | null;
  /** WAL written since the connector last confirmed a position, in bytes: what the slot keeps on disk (the whole
   *  server's WAL, so writes to other databases count too); null before the connector confirmed anything */
  lagBytes: number | null;
}

export interface ConnectorStatus {
  name: string;
  /** Connect's state of the connector; NOT_REGISTERED when Connect does not know it, UNREACHABLE when Connect did not answer */
  state: ConnectorState | 'NOT_REGISTERED' | 'UNREACHABLE';
  /** why, when state is UNREACHABLE / FAILED (first line of the Java trace) */
  error?: string;
  tasks: { id: number; state: ConnectorState; workerId: string; error?: string }[];
  /** the replication slot; null when it does not exist (yet: the connector creates it on its first start) */
  slot: SlotStatus | null;
  /** set when PostgreSQL could not be asked about the slot */
  slotError?: string;
}

const firstLine = (trace?: string) => trace?.split('\n')[0]?.trim() || undefined;

/** The connector's health from both sides: Connect's REST API and the slot in PostgreSQL. Never throws. */
export async function connectorStatus(connectUrl: string, name: string, databaseUrl: string): Promise<ConnectorStatus> {
  const out: ConnectorStatus = { name, state: 'UNREACHABLE', tasks: [], slot: null };
  let slotName: string | undefined;
  try {
    const [s, c] = await Promise.all([
      rest(connectUrl, 'GET', `/connectors/${encodeURIComponent(name)}/status`, undefined, 3000),
      rest(connectUrl, 'GET', `/connectors/${encodeURIComponent(name)}/config`, undefined, 3000),
    ]);
    if (s.status === 200 && s.json) {
      const st = s.json as RestStatus;
      out.state = st.connector.state;
      out.error = firstLine(st.connector.trace);
      out.tasks = st.tasks.map((t) => ({ id: t.id, state: t.state, workerId: t.worker_id, error: firstLine(t.trace) }));
    } else if (s.status === 404 && s.json) {
      out.state = 'NOT_REGISTERED';
    } else {
      out.error = `Connect unreachable at ${connectUrl}: HTTP ${s.status} ${messageOf(s)}`.slice(0, 300);
    }
    if (c.status === 200) slotName = (c.json as Record<string, string>)['slot.name'];
  } catch (e) {
    out.error = `Connect unreachable at ${connectUrl} (${networkReason(e)})`;
  }
  let target: DatabaseTarget;
  try { target = parseDatabaseUrl(databaseUrl); } catch (e) { out.slotError = (e as Error).message; return out; }
  slotName ??= slotNameFor(target.dbname);
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000, query_timeout: 3000 });
  try {
    await client.connect();
    const r = await client.query<{ active: boolean; wal_status: string | null; confirmed_flush_lsn: string | null; lag_bytes: string | null }>(
      `SELECT active, wal_status, confirmed_flush_lsn::text,
              pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint::text AS lag_bytes
         FROM pg_replication_slots WHERE slot_name = $1`, [slotName]);
    const row = r.rows[0];
    if (row) {
      out.slot = { name: slotName, active: row.active, walStatus: row.wal_status, confirmedFlushLsn: row.confirmed_flush_lsn,
        lagBytes: row.lag_bytes === null ? null : Number(row.lag_bytes) };
    }
  } catch (e) {
    out.slotError = `PostgreSQL: ${(e as Error).message}`;
  } finally {
    await client.end().catch(() => {});
  }
  return out;
}
