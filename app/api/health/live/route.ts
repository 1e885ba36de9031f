export const dynamic = 'force-dynamic';

const startedAt = new Date().toISOString();

/**
 * Liveness: the web process is up and answering. Deliberately checks nothing
 * else, so a database or broker outage makes the app unready (see
 * /api/health/ready), never "dead" and restarted for nothing.
 */
export function GET() {
  return Response.json({ status: 'ok', pid: process.pid, startedAt, uptimeSeconds: Math.round(process.uptime()) }, { headers: { 'cache-control': 'no-store' } });
}
