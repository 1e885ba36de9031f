// Where the dev stack lives and which ports it uses; env vars override. The test stack passes its own values.
import path from 'node:path';
import { REPO_ROOT } from './kafka-jars';

export { REPO_ROOT };

export interface StackConfig {
  /** root for pg/, kafka/ and pids.json */
  dataDir: string;
  pgPort: number;
  kafkaPort: number;
  kafkaControllerPort: number;
  /** set = use this database, start no Postgres */
  databaseUrl?: string;
  /** set = use these brokers, start no Kafka */
  kafkaBrokers?: string;
  /** Kafka Connect's REST port (default: Kafka's port + 2, so the e2e and bench stacks, which move Kafka, move it too) */
  connectPort?: number;
  /** set = use this Kafka Connect (CONNECT_URL), start none */
  connectUrl?: string;
}

const num = (v: string | undefined, d: number) => (v && Number.isInteger(Number(v)) ? Number(v) : d);

export function devConfig(env: NodeJS.ProcessEnv = process.env): StackConfig {
  const kafkaPort = num(env.KAFKA_PORT, 19092);
  return {
    dataDir: path.resolve(env.SWITCHBOARD_DATA_DIR ?? path.join(REPO_ROOT, '.data', 'dev')),
    pgPort: num(env.PG_PORT, 54329),
    kafkaPort,
    kafkaControllerPort: num(env.KAFKA_CONTROLLER_PORT, kafkaPort + 1),
    databaseUrl: env.DATABASE_URL || undefined,
    kafkaBrokers: env.KAFKA_BROKERS || undefined,
    connectPort: num(env.CONNECT_PORT, kafkaPort + 2),
    connectUrl: env.CONNECT_URL?.replace(/\/+$/, '') || undefined,
  };
}

export const localDatabaseUrl = (port: number) => `postgresql://postgres:postgres@127.0.0.1:${port}/switchboard`;

/** DATABASE_URL, else the dev stack's embedded Postgres. */
export const devDatabaseUrl = (env: NodeJS.ProcessEnv = process.env) => env.DATABASE_URL || localDatabaseUrl(num(env.PG_PORT, 54329));

/** For printing: hide the password. */
export const redactUrl = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
