export const dynamic = 'force-dynamic';

/** Liveness: the web process answers. Readiness (database and Kafka) comes with the health issue. */
export function GET() {
  return Response.json({ status: 'ok' });
}
