// `npm run identity:import -- --source NAME --map name=given_name+surname,birthDate=dob,... [--rules FILE] [--id COLUMN] file.csv`
// Loads any CSV as one more source through the same pipeline as the CDC path: L1 cleansing, union (blocking keys),
// link (the default ruleset, or --rules FILE in the documented format, docs/identity-rules.md), unify, L2 (profiles
// and their messages in the outbox). Record keys are NAME:<id column, or the line number>. Rows with nothing to link
// on (no name, phone or email) are not loaded: they go to FILE.rejected.csv with the reason, so nothing is lost.
// DATABASE_URL: default the dev stack.
import fs from 'node:fs';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import pg from 'pg';
import { cleanse } from '../../lib/identity/cleansing/cleanse';
import { parseRulesetJson } from '../../lib/identity/linking/ruleset';
import { defaultRuleset } from '../../lib/identity/linking/default-ruleset';
import { mapRow, parseFieldMap, sourceName } from '../../lib/identity/sources/csv-map';
import { applyChanges, type StoreChange } from '../../lib/identity/store/apply';
import { TOPICS } from '../../lib/platform/events/topics';
import { devDatabaseUrl, redactUrl } from '../stack/config';

const BATCH = 2_000;

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (!v || v.startsWith('--')) throw new Error(`--${name} needs a value`);
  argv.splice(i, 2);
  return v;
}

async function main() {
  const argv = process.argv.slice(2);
  const named = sourceName.safeParse(option(argv, 'source') ?? (() => { throw new Error('--source NAME is required (e.g. --source LEGACY)'); })());
  if (!named.success) throw new Error(`--source: ${named.error.issues[0]!.message}`);
  const source = named.data;
  const mapText = option(argv, 'map') ?? (() => { throw new Error('--map is required, e.g. --map name=surname+given_name,phone=mobile,email=mail'); })();
  const rulesFile = option(argv, 'rules');
  const ruleset = rulesFile ? parseRulesetJson(fs.readFileSync(rulesFile, 'utf8'), rulesFile) : defaultRuleset;
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file) throw new Error('name the CSV file to import');
  if (!fs.existsSync(file)) throw new Error(`${file}: no such file`);

  const url = devDatabaseUrl();
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const rejectedFile = `${file}.rejected.csv`;
  const rejected: string[][] = [];
  const t0 = Date.now();
  let line = 1, loaded = 0, profiles = 0, events = 0;
  let map: ReturnType<typeof parseFieldMap> | undefined;
  let header: string[] = [];
  let batch: StoreChange[] = [];
  const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
  const flush = async () => {
    if (!batch.length) return;
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      const r = await applyChanges(c, batch, { ruleset, profilesTopic: TOPICS.customer360Profiles });
      await c.query('COMMIT');
      loaded += batch.length; profiles += r.written.length; events += r.events.length;
    } catch (e) {
      await c.query('ROLLBACK');
      throw e;
    } finally { c.release(); }
    batch = [];
    process.stdout.write(`\r${loaded.toLocaleString('en-US')} records loaded…`);
  };

  const parser = fs.createReadStream(file).pipe(parse({ columns: (h: string[]) => { header = h.map((x) => x.trim()); map = parseFieldMap(mapText, header); return header; }, bom: true, skip_empty_lines: true, relax_column_count: true }));
  for await (const row of parser as AsyncIterable<Record<string, string>>) {
    line++;
    const m = mapRow(row, map!);
    const l1 = cleanse(m.source, { today });
    if (!l1.name && !l1.phones.some((p) => p.matchable) && !l1.email?.matchable) {
      rejected.push([String(line), 'no name, usable phone or usable email to link on', ...header.map((h) => row[h] ?? '')]);
      continue;
    }
    const time = (v: string | null) => { const d = v ? new Date(v) : null; return d && !Number.isNaN(d.getTime()) ? d : new Date(t0); };
    const id = m.id ?? String(line);
    batch.push({ type: 'upsert', row: { key: `${source}:${id}`, source, sourceId: id, createdAt: time(m.createdAt), updatedAt: time(m.updatedAt ?? m.createdAt), raw: row, l1, gender: null } });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  await pool.end();
  if (rejected.length) fs.writeFileSync(rejectedFile, stringify([['line', 'reason', ...header], ...rejected]));
  console.log(`\n${source}: ${loaded.toLocaleString('en-US')} records loaded from ${file} in ${((Date.now() - t0) / 1000).toFixed(1)} s into ${redactUrl(url)}`
    + ` (${rulesFile ? `rules ${rulesFile}` : 'default rules'}); ${profiles.toLocaleString('en-US')} profile writes, ${events.toLocaleString('en-US')} merge/split/create events`
    + `${rejected.length ? `; ${rejected.length} rows not loaded, with their reasons in ${rejectedFile}` : ''}.`);
}

main().catch((e: unknown) => {
  console.error(`✗ ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
