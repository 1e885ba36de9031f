import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './config';
import { bundleWorkers, workerBundleDir, workerFiles } from './bundle-workers';

const workers = workerFiles();

describe('bundleWorkers', () => {
  it('bundles every worker with our code inside and packages left to node_modules', async () => {
    const dir = path.join(REPO_ROOT, '.build', 'workers', `test-${process.pid}`);
    try {
      expect(workers.length).toBeGreaterThan(10);
      await bundleWorkers(workers, dir);
      for (const w of workers) {
        const code = fs.readFileSync(path.join(dir, `${w}.mjs`), 'utf8');
        expect(code).not.toMatch(/from ["']\.\.?\/(lib|workers)\//); // our modules are inlined, not imported
        expect(code).toMatch(/from ["'](kafkajs|pg|@prisma\/[a-z-]+|zod)["']/); // packages stay external
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('gives each data dir its own bundle directory inside the repo (node_modules must resolve from there)', () => {
    const a = workerBundleDir(path.join(REPO_ROOT, '.data', 'dev'));
    const b = workerBundleDir(path.join(REPO_ROOT, '.data', 'e2e'));
    expect(a).not.toBe(b);
    expect(workerBundleDir(path.join(REPO_ROOT, '.data', 'dev'))).toBe(a);
    expect(a.startsWith(path.join(REPO_ROOT, '.build', 'workers'))).toBe(true);
    expect(workerBundleDir(os.tmpdir()).startsWith(REPO_ROOT)).toBe(true);
  });
});
