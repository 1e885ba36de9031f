import { Kafka, logLevel } from 'kafkajs';
import { config } from '../config';
import { db as defaultDb, type Db } from '../db';

export interface CheckResult {
  ok: boolean;
  ms: number;
  error?: string;
}

export interface Readiness {
  status: 'ready' | 'unavailable';
  checks: { database: CheckResult; kafka: CheckResult & { brokers?: number } };
}

export interface ReadinessOptions {
  db?: Db;
  brokers?: string[];
  /** Per check; the two run in parallel, so the probe answers within about this long. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 2_000;

async function timed<T>(work: () => Promise<T>, timeoutMs: number, what: string): Promise<CheckResult & { value?: T }> {
  const t0 = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const value = await Promise.race([work(), timeout]);
    return { ok: true, ms: Date.now() - t0, value };
  } catch (e) {
    return { ok: false, ms: Date.now() - t0, error: (e as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Kafka reachability: an admin client with no retries asks the cluster to
 * describe itself. Its own timeouts sit inside the probe's, so a dead broker
 * fails fast instead of leaving a retrying client behind.
 */
async function describeCluster(brokers: string[], timeoutMs: number): Promise<number> {
  const kafka = new Kafka({
    clientId: 'switchboard-health',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(1_000, timeoutMs),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin({ retry: { retries: 0 } });
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length;
  } finally {
    void admin.disconnect().catch(() => {});
  }
}

/**
 * Readiness: the web app can do its work only when PostgreSQL answers
 * `select 1` and the Kafka cluster answers describeCluster. Both are checked
 * in parallel, each with a short timeout; the result names what failed.
 */
export async function checkReadiness(opts: ReadinessOptions = {}): Promise<Readiness> {
  const database = opts.db ?? defaultDb;
  const brokers = opts.brokers ?? config().KAFKA_BROKERS;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const [dbCheck, kafkaCheck] = await Promise.all([
    timed(() => database.$queryRaw`select 1`, timeoutMs, 'PostgreSQL'),
    timed(() => describeCluster(brokers, timeoutMs), timeoutMs, `Kafka (${brokers.join(',')})`),
  ]);
  const { value: _rows, ...dbResult } = dbCheck;
  const { value: brokerCount, ...kafkaResult } = kafkaCheck;
  return {
    status: dbResult.ok && kafkaResult.ok ? 'ready' : 'unavailable',
    checks: { database: dbResult, kafka: brokerCount === undefined ? kafkaResult : { ...kafkaResult, brokers: brokerCount } },
  };
}
