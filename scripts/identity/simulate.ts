// `npm run identity:simulate -- --people N [--seed S]`: people written into the three source systems (di, om, cx)
// with realistic noise (typos and jamo substitutions in names, phone formats, moves, changed emails, family members
// sharing a phone, namesakes; lib/identity/simulate), as those systems would write them: Debezium streams the rows
// and the identity linker unifies them like any other. The ground truth (record key -> person) goes to
// IdentityGroundTruth, for `npm run bench:identity` and for checking the profiles. DATABASE_URL: default the dev stack.
import pg from 'pg';
import { simulateRecords } from '../../lib/identity/simulate/people';
import { toSourceTableRow } from '../../lib/identity/simulate/to-source';
import { upsertSourceRows } from '../../lib/identity/sources/write';
import type { SourceTable } from '../../lib/identity/store/source-records';
import { devDatabaseUrl, redactUrl } from '../stack/config';

function args(argv: string[]): { people: number; seed: number } {
  const get = (name: string, fallback?: number) => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) {
      if (fallback === undefined) throw new Error(`--${name} is required, e.g. npm run identity:simulate -- --people 1000`);
      return fallback;
    }
    const v = Number(argv[i + 1]);
    if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive whole number, not "${argv[i + 1] ?? ''}"`);
    return v;
  };
  return { people: get('people'), seed: get('seed', 1) };
}

async function main() {
  const { people, seed } = args(process.argv.slice(2));
  const url = devDatabaseUrl();
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const t0 = Date.now();
  let written = 0;
  const perTable = new Map<string, number>();
  let pending = new Map<SourceTable, Record<string, unknown>[]>();
  let truth: { k: string; p: string; z: string[] }[] = [];
  const flush = async () => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      for (const [table, rows] of pending) {
        await upsertSourceRows(c, table, rows);
        perTable.set(table.table, (perTable.get(table.table) ?? 0) + rows.length);
      }
      await c.query(`INSERT INTO "IdentityGroundTruth" ("recordKey", "personId", noise) SELECT k, p, ARRAY(SELECT jsonb_array_elements_text(z)) FROM jsonb_to_recordset($1::jsonb) AS x(k text, p text, z jsonb)
        ON CONFLICT ("recordKey") DO UPDATE SET "personId" = EXCLUDED."personId", noise = EXCLUDED.noise`, [JSON.stringify(truth)]);
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK');
      throw e;
    } finally { c.release(); }
    written += truth.length;
    pending = new Map();
    truth = [];
    process.stdout.write(`\r${written.toLocaleString('en-US')} records written (${Math.round(written / ((Date.now() - t0) / 1000)).toLocaleString('en-US')}/s)…`);
  };
  for (const r of simulateRecords({ seed, people })) {
    const s = toSourceTableRow(r);
    pending.set(s.table, [...(pending.get(s.table) ?? []), s.row]);
    truth.push({ k: s.key, p: r.personId, z: r.noise });
    if (truth.length >= 5_000) await flush();
  }
  if (truth.length) await flush();
  await pool.end();
  console.log(`\n${people.toLocaleString('en-US')} people (seed ${seed}) -> ${written.toLocaleString('en-US')} source records in ${((Date.now() - t0) / 1000).toFixed(1)} s into ${redactUrl(url)}: ${[...perTable].map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`).join(', ')}. Ground truth in IdentityGroundTruth.`);
}

main().catch((e: unknown) => {
  console.error(`✗ ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
