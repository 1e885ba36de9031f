import { checkReadiness } from '@/lib/platform/health/readiness';

export const dynamic = 'force-dynamic';

/**
 * Readiness probe: 200 when PostgreSQL and Kafka both answer, else 503 with the
 * check that failed. Unauthenticated on purpose (load balancers, supervisors);
 * it reveals no data, only which dependency is down.
 */
export async function GET() {
  const result = await checkReadiness();
  return Response.json(result, { status: result.status === 'ready' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
