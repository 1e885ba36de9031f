// Prisma 7 CLI configuration. The CLI here is used for `prisma generate` (scripts/prisma-generate.ts);
// migrations run through scripts/migrate.ts (wasm schema engine), which uses the same paths.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: {
    // same default as the dev stack (scripts/stack/config.ts); kept inline so the config loads on its own
    url: process.env.DATABASE_URL || `postgresql://postgres:postgres@127.0.0.1:${process.env.PG_PORT || 54329}/switchboard`,
  },
});
