// A second web-app instance's readiness route in its own process, with whatever
// DATABASE_URL / KAFKA_BROKERS the test gives it; prints the status and body.
import { GET } from '@/app/api/health/ready/route';

const res = await GET();
console.log(JSON.stringify({ status: res.status, body: await res.json() }));
process.exit(0);
