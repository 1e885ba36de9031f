// Prisma migrate deploy / dev / status through the wasm schema engine (see scripts/stack/schema-engine.ts for why).
// Usage: tsx scripts/migrate.ts deploy | dev --name <name> [--accept-data-loss] | status      (DATABASE_URL defaults to the dev stack)
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationList, DiagnoseMigrationHistoryOutput } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { devDatabaseUrl, redactUrl, REPO_ROOT } from './stack/config';
import { panicMessage, withSchemaEngine, type SchemaEngine } from './stack/schema-engine';

export interface MigrateOptions {
  schemaPath?: string;
  migrationsDir?: string;
}

const filters = { externalTables: [], externalEnums: [] };

async function listMigrations(migrationsDir: string): Promise<MigrationList> {
  const lockContent = await fs.readFile(path.join(migrationsDir, 'migration_lock.toml'), 'utf8').catch(() => null);
  const entries = await fs.readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories: MigrationList['migrationDirectories'] = [];
  for (const e of entries.filter((d) => d.isDirectory())) {
    const content = await fs.readFile(path.join(migrationsDir, e.name, 'migration.sql'), 'utf8')
      .then((v) => ({ tag: 'ok' as const, value: v }), (err: Error) => ({ tag: 'error' as const, value: err.message }));
    migrationDirectories.push({ path: e.name, migrationFile: { path: 'migration.sql', content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir: migrationsDir, lockfile: { path: 'migration_lock.toml', content: lockContent }, migrationDirectories, shadowDbInitScript: '' };
}

function paths(opts: MigrateOptions) {
  return { schemaPath: path.resolve(opts.schemaPath ?? path.join(REPO_ROOT, 'prisma', 'schema.prisma')),
    migrationsDir: path.resolve(opts.migrationsDir ?? path.join(REPO_ROOT, 'prisma', 'migrations')) };
}

async function engineFor<T>(databaseUrl: string, opts: MigrateOptions, fn: Parameters<typeof withSchemaEngine<T>>[3]): Promise<T> {
  const { schemaPath } = paths(opts);
  const schema = await fs.readFile(schemaPath, 'utf8').catch(() => { throw new Error(`no Prisma schema at ${schemaPath}`); });
  return withSchemaEngine(databaseUrl, schemaPath, schema, fn);
}

/** Apply pending migrations (`prisma migrate deploy`). Returns the names applied; [] when there is no migrations folder yet. */
export async function migrateDeploy(databaseUrl: string, opts: MigrateOptions = {}): Promise<string[]> {
  const { migrationsDir } = paths(opts);
  const list = await listMigrations(migrationsDir);
  if (!list.migrationDirectories.length) return [];
  return engineFor(databaseUrl, opts, async (engine) =>
    (await engine.applyMigrations({ migrationsList: list, filters })).appliedMigrationNames);
}

/**
 * `prisma migrate dev --name <name>`, in the CLI's order: devDiagnostic, apply pending, evaluateDataLoss,
 * createMigration, apply it. Throws on drift (reset needed), unexecutable steps, or data-loss warnings unless accepted.
 */
export async function migrateDev(databaseUrl: string, name: string, opts: MigrateOptions & { acceptDataLoss?: boolean } = {}):
Promise<{ created: string | null; applied: string[]; warnings: string[] }> {
  const { schemaPath, migrationsDir } = paths(opts);
  const schema = { files: [{ path: schemaPath, content: await fs.readFile(schemaPath, 'utf8') }] };
  const diagnose = async (engine: SchemaEngine) => {
    const diag = await engine.devDiagnostic({ migrationsList: await listMigrations(migrationsDir), filters });
    if (diag.action.tag === 'reset') throw new Error(`Drift detected, reset required: ${diag.action.reason}`);
  };
  const applied = await engineFor(databaseUrl, opts, async (engine) => {
    await diagnose(engine);
    return (await engine.applyMigrations({ migrationsList: await listMigrations(migrationsDir), filters })).appliedMigrationNames;
  });
  // Gotcha (wasm engine 7.10): evaluateDataLoss/createMigration fail with "PostgreSQL shadow DB must be provided through
  // an external factory" unless devDiagnostic ran first in the same engine against a database that was already up to
  // date. So: a fresh engine, devDiagnostic again, then the rest, as `prisma migrate dev` orders it.
  return engineFor(databaseUrl, opts, async (engine) => {
    await diagnose(engine);
    const loss = await engine.evaluateDataLoss({ migrationsList: await listMigrations(migrationsDir), schema, filters });
    if (loss.unexecutableSteps.length) throw new Error(`Cannot create this migration:\n${loss.unexecutableSteps.map((w) => `  • ${w.message}`).join('\n')}`);
    const warnings = loss.warnings.map((w) => w.message);
    if (warnings.length && !opts.acceptDataLoss) {
      throw new Error(`This migration may lose data (re-run with --accept-data-loss to go ahead):\n${warnings.map((w) => `  • ${w}`).join('\n')}`);
    }
    const out = await engine.createMigration({ draft: false, migrationName: name, migrationsList: await listMigrations(migrationsDir), schema, filters });
    if (out.migrationScript === null) return { created: null, applied, warnings };
    const dir = path.join(migrationsDir, out.generatedMigrationName);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, `migration.${out.extension}`), out.migrationScript);
    await fs.writeFile(path.join(migrationsDir, 'migration_lock.toml'),
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${out.connectorType}"\n`);
    const r = await engine.applyMigrations({ migrationsList: await listMigrations(migrationsDir), filters });
    return { created: out.generatedMigrationName, applied: [...applied, ...r.appliedMigrationNames], warnings };
  });
}

export async function migrateStatus(databaseUrl: string, opts: MigrateOptions = {}): Promise<DiagnoseMigrationHistoryOutput> {
  const { migrationsDir } = paths(opts);
  return engineFor(databaseUrl, opts, async (engine) =>
    engine.diagnoseMigrationHistory({ migrationsList: await listMigrations(migrationsDir), optInToShadowDatabase: false, filters }));
}

async function cli(argv: string[]): Promise<void> {
  const [cmd, ...rest] = argv;
  const url = devDatabaseUrl();
  const t0 = Date.now();
  if (cmd === 'deploy') {
    const applied = await migrateDeploy(url);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations to apply.');
  } else if (cmd === 'dev') {
    const i = rest.indexOf('--name');
    const name = (i >= 0 ? rest[i + 1] : undefined) ?? 'migration';
    const r = await migrateDev(url, name, { acceptDataLoss: rest.includes('--accept-data-loss') });
    for (const w of r.warnings) console.log(`warning: ${w}`);
    if (r.applied.length) console.log(`Applied: ${r.applied.join(', ')}`);
    console.log(r.created ? `Created prisma/migrations/${r.created}/migration.sql` : 'Already in sync, no migration created.');
  } else if (cmd === 'status') {
    const r = await migrateStatus(url);
    const pending = r.history?.diagnostic === 'databaseIsBehind' ? r.history.unappliedMigrationNames : [];
    console.log(r.history === null ? 'Database schema is up to date.' : JSON.stringify(r.history));
    if (pending.length) process.exitCode = 1;
    if (r.failedMigrationNames.length) { console.log(`Failed migrations: ${r.failedMigrationNames.join(', ')}`); process.exitCode = 1; }
  } else {
    throw new Error('usage: tsx scripts/migrate.ts deploy | dev --name <name> [--accept-data-loss] | status');
  }
  console.log(`${cmd} against ${redactUrl(url)} done in ${((Date.now() - t0) / 1000).toFixed(2)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli(process.argv.slice(2)).then(
    () => process.exit(process.exitCode ?? 0), // explicit: nothing else should keep a CLI alive
    (e: unknown) => {
      console.error('migrate failed:', e instanceof Error ? e.message : e, panicMessage());
      process.exit(1);
    });
}
