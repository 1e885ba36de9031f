import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './config';

/** newest mtime of the web app's sources (test files and lib/generated, which postinstall rewrites, excluded) */
function newestSource(): number {
  let newest = 0;
  for (const dir of ['app', 'components', 'lib']) {
    const abs = path.join(REPO_ROOT, dir);
    if (!fs.existsSync(abs)) continue;
    for (const e of fs.readdirSync(abs, { withFileTypes: true, recursive: true })) {
      if (e.isFile() && !/\.test\.tsx?$/.test(e.name) && !e.parentPath.includes(`${path.sep}generated`)) newest = Math.max(newest, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs);
    }
  }
  for (const f of ['next.config.js', 'package.json', 'proxy.ts', 'tsconfig.json']) {
    const p = path.join(REPO_ROOT, f);
    if (fs.existsSync(p)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Whether `npm start` would build the web app first: no build in distDir, one older than the sources, or current. */
export function webBuildState(distDir: string): 'missing' | 'stale' | 'current' {
  const buildId = path.join(REPO_ROOT, distDir, 'BUILD_ID');
  if (!fs.existsSync(buildId)) return 'missing';
  return fs.statSync(buildId).mtimeMs >= newestSource() ? 'current' : 'stale';
}
