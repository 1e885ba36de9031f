/** @type {import('next').NextConfig} */
const nextConfig = {
  // The workers and scripts share lib/ with the app; keep server-only packages out of the bundle.
  serverExternalPackages: ['kafkajs', 'pg', '@prisma/adapter-pg'],
  typedRoutes: false,
};
export default nextConfig;
