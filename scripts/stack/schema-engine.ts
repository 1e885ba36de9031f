// Prisma migrations WITHOUT the native schema-engine binary (binaries.prisma.sh is unreachable here): drives the
// official @prisma/schema-engine-wasm through the pg driver adapter, like Prisma 6's `engine: 'js'` mode did.
// Migrations stay in Prisma's standard format (prisma/migrations/<ts>_<name>/migration.sql + _prisma_migrations),
// so the stock `prisma migrate deploy` also works wherever the binary can be downloaded.
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import type { SqlQuery, SqlResultSet } from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';

export type { SchemaEngine };
const require = createRequire(import.meta.url);
type G = typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: { message: string; set_message(m: string): void } };
const g = globalThis as G;
g.PRISMA_WASM_PANIC_REGISTRY ??= { message: '', set_message(m: string) { this.message = m; } };
export const panicMessage = () => g.PRISMA_WASM_PANIC_REGISTRY?.message ?? '';

let loaded: Promise<void> | undefined;
function loadWasm(): Promise<void> {
  return (loaded ??= (async () => {
    const wasmPath = require.resolve('@prisma/schema-engine-wasm').replace(/schema_engine\.js$/, 'schema_engine_bg.wasm');
    // The engine arms a setTimeout (no clearTimeout) that kept the process alive ~10 s after the work was done:
    // hand it an unref'd timer so `migrateDeploy()` can be called from long-lived and short-lived processes alike.
    const imports: Record<string, unknown> = { ...glue };
    for (const k of Object.keys(imports)) {
      if (k.startsWith('__wbg_setTimeout_')) imports[k] = (f: () => void, ms: number) => setTimeout(f, ms >>> 0).unref();
    }
    const instance = new WebAssembly.Instance(new WebAssembly.Module(await fs.readFile(wasmPath)), { './schema_engine_bg.js': imports as WebAssembly.ModuleImports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  })());
}

// Gotcha: @prisma/adapter-pg 7.10 cannot map PostgreSQL's internal "char" type (OID 18), which the schema
// engine's catalog queries return (pg_constraint.contype etc.) -> "Column type 'char' could not be deserialized".
// Patch the adapter's queryRaw to report those columns as Character. It patches the shared prototype (the
// adapter's classes are not exported), once per process; app queries never select "char" columns.
const PATCHED = Symbol.for('switchboard.adapterPgCharPatch');
type Queryable = { queryRaw(q: SqlQuery): Promise<SqlResultSet>; performIO(q: SqlQuery): Promise<{ fields: { dataTypeID: number }[] }> };
async function patchCharColumns(factory: PrismaPg): Promise<void> {
  const probe = await factory.connect();
  const adapterProto = Object.getPrototypeOf(probe) as { executeScript(script: string): Promise<void> }; // PrismaPgAdapter.prototype
  const proto = Object.getPrototypeOf(adapterProto) as Queryable & { [PATCHED]?: true }; // PgQueryable.prototype
  await probe.dispose();
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;
  // Gotcha: adapter-pg 7.10's executeScript (how the engine applies a migration) splits the script on every ";", so a
  // plpgsql function body, or a ";" in a comment, breaks it. Send the script whole instead: PostgreSQL runs a
  // multi-statement simple query in one implicit transaction, so a failing migration also leaves nothing half-done.
  adapterProto.executeScript = async function (this: { client: { query(sql: string): Promise<unknown> }; onError(e: unknown): never }, script: string) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
  const { queryRaw, performIO } = proto;
  proto.queryRaw = async function (this: Queryable, query: SqlQuery) {
    const res = await performIO.call(this, query);
    const charCols = res.fields.flatMap((f, i) => (f.dataTypeID === 18 ? [i] : []));
    const withResult = (r: typeof res) => Object.create(this, { performIO: { value: async () => r } }) as Queryable;
    if (!charCols.length) return queryRaw.call(withResult(res), query);
    const patched = { ...res, fields: res.fields.map((f) => (f.dataTypeID === 18 ? { ...f, dataTypeID: 25 } : f)) };
    const out = await queryRaw.call(withResult(patched), query);
    for (const i of charCols) out.columnTypes[i] = ColumnTypeEnum.Character;
    return out;
  };
}

/** Runs fn with a schema engine connected to databaseUrl; frees the engine and closes every pool afterwards. */
export async function withSchemaEngine<T>(databaseUrl: string, schemaPath: string, schemaContent: string,
  fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  await loadWasm();
  const u = new URL(databaseUrl);
  // Gotcha: PrismaPg.connectToShadowDb() does {...config, database: shadow}; with a `connectionString` in config, pg
  // lets the string win, so the "shadow" DB would be the real one. Pass discrete fields instead.
  // Also pass a plain config, not a pg.Pool: pg-pool stores `password` non-enumerable, so the spread loses it.
  const config = { host: u.hostname, port: Number(u.port || 5432), user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password), database: u.pathname.slice(1), allowExitOnIdle: true };
  const factory = new PrismaPg(config);
  await patchCharColumns(factory);
  const opened: { dispose(): Promise<void> }[] = [];
  const connect = factory.connect.bind(factory);
  factory.connect = async () => { const a = await connect(); opened.push(a); return a; };
  // Gotcha: adapter-pg 7.10's connectToShadowDb() drops the shadow DB *before* closing its pool ->
  // 'database "prisma_migrate_shadow_db_…" is being accessed by other users'. Close first, then drop.
  factory.connectToShadowDb = async function () {
    const admin = await factory.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg({ ...config, database }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
    };
    return shadow;
  };
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await glue.SchemaEngine.new({ datamodels: [[schemaPath, schemaContent]] },
    (log: string) => { if (process.env.DEBUG_SE) console.error('[schema-engine]', log); }, adapter);
  try {
    return await fn(engine);
  } finally {
    engine.free();
    // the engine does not dispose its adapters itself; pools would otherwise linger (pool.end() twice throws)
    await Promise.all(opened.map((a) => a.dispose().catch(() => {})));
  }
}
