import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './config';
import { bundleWorkers, workerBundleDir, workerFiles, workerProcesses } from './worker-processes';

const workers = workerFiles();

describe('workerProcesses', () => {
  it('runs every worker exactly once, the order sink as three replicas, and the light workers together', () => {
    const procs = workerProcesses(workers, {});
    const single = procs.filter((p) => !p.name.startsWith('commerce-order-sink')).flatMap((p) => p.workers).sort();
    expect(single).toEqual(workers.filter((w) => w !== 'commerce-order-sink'));
    expect(procs.filter((p) => p.entry === 'commerce-order-sink').map((p) => p.name)).toEqual(['commerce-order-sink-1', 'commerce-order-sink-2', 'commerce-order-sink-3']);
    expect(procs.length).toBeLessThan(workers.length); // fewer processes than workers: the point of sharing
    expect(procs.find((p) => p.workers.includes('commerce-generator'))).toMatchObject({ workers: ['commerce-generator'] });
    expect(new Set(procs.map((p) => p.name)).size).toBe(procs.length);
  });

  it('runs a worker file the layout does not name in a process of its own, and honours ORDER_SINK_REPLICAS', () => {
    const procs = workerProcesses([...workers, 'identity-linker'], { ORDER_SINK_REPLICAS: '1' });
    expect(procs.find((p) => p.name === 'identity-linker')).toMatchObject({ entry: 'identity-linker', workers: ['identity-linker'] });
    expect(procs.filter((p) => p.entry === 'commerce-order-sink').map((p) => p.name)).toEqual(['commerce-order-sink']);
  });
});

describe('bundleWorkers', () => {
  it('bundles every process with our code inside (one copy of lib/ per process) and packages left to node_modules', async () => {
    const dir = path.join(REPO_ROOT, '.build', 'workers', `test-${process.pid}`);
    try {
      const procs = workerProcesses(workers, {});
      await bundleWorkers(procs, dir);
      for (const entry of new Set(procs.map((p) => p.entry))) {
        const code = fs.readFileSync(path.join(dir, `${entry}.mjs`), 'utf8');
        expect(code).not.toMatch(/from ["']\.\.?\/(lib|workers)\//); // our modules are inlined, not imported
        expect(code).toMatch(/from ["'](kafkajs|pg|@prisma\/[a-z-]+|zod)["']/); // packages stay external
        // a shared process holds one lifecycle for all its workers (one set of signal handlers, one shutdown)
        expect(code.match(/function workerLifecycle\(/g)).toHaveLength(1);
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
