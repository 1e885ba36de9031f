// `prisma generate`, offline-safe (package.json postinstall and `npm run db:generate`).
// Every Prisma CLI command first tries to download the native schema-engine from binaries.prisma.sh, which is
// unreachable here; generate does not need it, so point it at /bin/false. Skips when the client is up to date.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './stack/config';

const schema = path.join(REPO_ROOT, 'prisma', 'schema.prisma');
const output = path.join(REPO_ROOT, 'lib', 'generated', 'prisma');
const prismaBin = path.join(REPO_ROOT, 'node_modules', '.bin', 'prisma');
// as postinstall, a broken schema must not fail `npm install` (it would leave node_modules half set up)
const lenient = process.env.npm_lifecycle_event === 'postinstall';

const mtime = (p: string) => { try { return fs.statSync(p).mtimeMs; } catch { return 0; } };
function newestIn(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) newest = Math.max(newest, mtime(path.join(e.parentPath, e.name)));
  }
  return newest;
}

function main(): number {
  if (!fs.existsSync(schema)) { console.log('prisma generate: no prisma/schema.prisma yet, skipped'); return 0; }
  // inputs: the schema and the installed Prisma version (an upgrade rewrites its package.json)
  const inputs = Math.max(mtime(schema), mtime(path.join(REPO_ROOT, 'node_modules', 'prisma', 'package.json')));
  if (fs.existsSync(path.join(output, 'client.ts')) && newestIn(output) > inputs && !process.argv.includes('--force')) {
    console.log('prisma generate: lib/generated/prisma is up to date, skipped');
    return 0;
  }
  const t0 = Date.now();
  const r = spawnSync(prismaBin, ['generate'], {
    cwd: REPO_ROOT, encoding: 'utf8',
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false', CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
  if (r.status === 0) {
    console.log(`prisma generate: lib/generated/prisma written in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return 0;
  }
  process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) + '\n' : ''}`);
  console.error(`prisma generate failed${lenient ? ' (ignored during npm install; fix and run `npm run db:generate`)' : ''}`);
  return lenient ? 0 : 1;
}

process.exit(main());
