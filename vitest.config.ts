import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit', include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'prisma/**/*.test.ts'], exclude: ['**/*.int.test.ts', 'node_modules/**'],
          // A guard against hangs, not a speed check: on the shared two-core host a 1.5 s simulation test took 5.1 s
          // (vitest's default limit) while an e2e run was going.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.int.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Files start worker processes and share one broker: run them one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
