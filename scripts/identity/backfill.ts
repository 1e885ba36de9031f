// `npm run identity:backfill`: the first load of source systems that already hold customers (a legacy database, millions
// of rows) into an empty identity store, at once: the three sources read in one consistent snapshot, cleansed, linked,
// unified and written by the bulk load (lib/identity/store/bulk-load.ts), with the same result as the identity worker
// would reach change by change, many times faster. One transaction: interrupted, it leaves the store empty; the
// identity tables are locked while it runs. One L2 message per profile goes into the outbox for the relay.
// A store that holds anything is refused: from then on the identity worker takes the changes (the connector's
// snapshot of rows loaded here costs a read each: unchanged records are skipped). DATABASE_URL: default the dev stack.
import pg from 'pg';
import { bulkLoad } from '../../lib/identity/store/bulk-load';
import { countSourceRows, readSourceRows } from '../../lib/identity/sources/read';
import { TOPICS } from '../../lib/platform/events/topics';
import { devDatabaseUrl, redactUrl } from '../stack/config';

const n = (x: number) => Math.round(x).toLocaleString('en-US');

async function main() {
  const url = devDatabaseUrl();
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  try {
    const total = await countSourceRows(pool);
    console.log(`identity:backfill: ${n(total)} source rows in ${redactUrl(url)}`);
    const t0 = Date.now();
    let last = '';
    const r = await bulkLoad(pool, readSourceRows(pool), {
      profilesTopic: TOPICS.customer360Profiles,
      onProgress: ({ phase, done, total: of }) => {
        if (phase !== last && last) process.stdout.write('\n');
        last = phase;
        process.stdout.write(`\r  ${phase}: ${n(done)} / ${n(of ?? total)}  (${((Date.now() - t0) / 1000).toFixed(0)} s)   `);
      },
    });
    const s = (Date.now() - t0) / 1000;
    console.log(`\n✓ ${n(r.records)} records -> ${n(r.profiles)} profiles (${n(r.review)} held for review), ${n(r.links)} links, in ${s.toFixed(1)} s (${n(r.records / s)} records/s)`);
  } finally {
    await pool.end();
  }
}

main().catch((e: unknown) => {
  console.error(`✗ ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
