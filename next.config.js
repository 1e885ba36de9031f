/** @type {import('next').NextConfig} */
const nextConfig = {
  // The workers and scripts share lib/ with the app; keep server-only packages out of the bundle.
  serverExternalPackages: ['kafkajs', 'pg', '@prisma/adapter-pg'],
  typedRoutes: false,
  // gzip of every small JSON answer cost more CPU than it saved on loopback; a reverse proxy in front compresses.
  compress: false,
  // Separate build folders for parallel checkouts/runs (see scripts/start.ts).
  distDir: process.env.NEXT_DIST_DIR || '.next',
};
export default nextConfig;
