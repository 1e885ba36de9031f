import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// `npm test` passes the test stack's DATABASE_URL / KAFKA_BROKERS; run alone,
// `npm start` brings up its own embedded stack in .data/e2e, never the dev data.
const stackEnv: Record<string, string> =
  process.env.DATABASE_URL && process.env.KAFKA_BROKERS
    ? {}
    : { SWITCHBOARD_DATA_DIR: '.data/e2e', PG_PORT: '54349', KAFKA_PORT: '19292', KAFKA_CONTROLLER_PORT: '19293' };

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  // The whole product (web server, nine workers, the shop generator, PostgreSQL, Kafka) shares two cores with the
  // browser: a first navigation to a page has taken over 5 s (Playwright's default) to show its heading in CI.
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: 'list',
  outputDir: 'test-results/e2e-artifacts',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: 'node --import tsx scripts/start.ts',
    url: `${baseURL}/api/health/live`,
    timeout: 300_000,
    reuseExistingServer: Boolean(process.env.E2E_REUSE_SERVER),
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: { ...(process.env as Record<string, string>), ...stackEnv, PORT: String(port) },
  },
});
