// Prints the environment for running integration tests against an already running stack, in a fresh
// database and topic prefix of their own, so several people (or agents) can share one broker:
//   eval "$(tsx scripts/dev/suite-env.ts <name>)" && npx vitest run --project integration tests/integration/...
// STACK_DATABASE_URL / KAFKA_BROKERS name the stack (default: the dev stack).
import pg from 'pg';
import { topicSpecsFor } from '../../lib/platform/events/topics';
import { migrateDeploy } from '../migrate';
import { devDatabaseUrl } from '../stack/config';
import { ensureTopics } from '../stack/kafka';

const name = (process.argv[2] ?? 'dev').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
const base = process.env.STACK_DATABASE_URL || devDatabaseUrl();
const brokers = process.env.KAFKA_BROKERS || '127.0.0.1:19092';
const url = new URL(base);
const db = `switchboard_it_${name}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
await admin.query(`CREATE DATABASE "${db}"`);
await admin.end();
url.pathname = `/${db}`;
await migrateDeploy(url.toString());
const prefix = `it-${name}-${Date.now().toString(36)}.`;
await ensureTopics(brokers, topicSpecsFor(prefix));
console.log(`export DATABASE_URL='${url}' KAFKA_BROKERS='${brokers}' KAFKA_TOPIC_PREFIX='${prefix}'`);
process.exit(0);
