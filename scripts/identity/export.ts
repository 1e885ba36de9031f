// `npm run identity:export -- FILE.csv [--source NAME]`: every source record -> its profile id, as CSV (record key,
// source, id in the source, profile id, the profile's golden name), streamed in key order so millions of records
// export in bounded memory. With the import, a customer's legacy data can be unified and the result checked.
// DATABASE_URL: default the dev stack.
import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import pg from 'pg';
import { devDatabaseUrl, redactUrl } from '../stack/config';

async function main() {
  const argv = process.argv.slice(2);
  const si = argv.indexOf('--source');
  const source = si >= 0 ? argv.splice(si, 2)[1] : undefined;
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file) throw new Error('name the CSV file to write, e.g. npm run identity:export -- profiles.csv');
  const url = devDatabaseUrl();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const out = fs.createWriteStream(file);
  out.write(stringify([['record_key', 'source', 'source_id', 'profile_id', 'profile_name']]));
  let after = '', count = 0;
  for (;;) {
    const { rows } = await client.query<{ key: string; source: string; sourceId: string; profileId: string | null; name: string | null }>(
      `SELECT r.key, r.source, r."sourceId", r."profileId", p.golden->'name'->>'value' AS name FROM "IdentityRecord" r LEFT JOIN "IdentityProfile" p ON p.id = r."profileId"
       WHERE r.key > $1 AND ($2::text IS NULL OR r.source = $2) ORDER BY r.key LIMIT 5000`, [after, source ?? null]);
    if (!rows.length) break;
    if (!out.write(stringify(rows.map((r) => [r.key, r.source, r.sourceId, r.profileId ?? '', r.name ?? ''])))) await new Promise<void>((r) => out.once('drain', () => r()));
    count += rows.length;
    after = rows.at(-1)!.key;
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  await client.end();
  console.log(`${count.toLocaleString('en-US')} records${source ? ` of ${source}` : ''} -> ${file} (from ${redactUrl(url)})`);
}

main().catch((e: unknown) => {
  console.error(`✗ ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
