// Readiness answers 200 only when PostgreSQL and Kafka both answer, else 503
// naming the part that failed; workers report heartbeats that go "stopped" on
// a clean stop and "stale" when a worker dies without a word.
import { execFile } from 'node:child_process';
import net from 'node:net';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { GET as live } from '@/app/api/health/live/route';
import { GET as ready } from '@/app/api/health/ready/route';
import { createDb, db } from '@/lib/platform/db';
import { checkReadiness } from '@/lib/platform/health/readiness';
import { listWorkerHealth, STALE_AFTER_MS } from '@/lib/platform/health/workers';
import { ROOT, spawnWorker, waitFor, type WorkerProcess } from '../helpers';

const run = promisify(execFile);
const workers: WorkerProcess[] = [];
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop('SIGKILL')));
});

/** A port nothing listens on: bound once by us, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The readiness route of another web-app process, configured by env. */
async function probeInstance(env: Record<string, string>) {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'tests/integration/health-probe.ts'], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 30_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { status: number; body: { status: string; checks: Record<string, { ok: boolean; error?: string }> } };
}

describe('health endpoints', () => {
  it('live answers whatever the dependencies do', async () => {
    const res = live();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', pid: process.pid });
  });

  it('ready answers 200 with both checks when PostgreSQL and Kafka answer', async () => {
    const res = await ready();
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: 'ready', checks: { database: { ok: true }, kafka: { ok: true, brokers: 1 } } });
  });

  it('ready answers 503, naming Kafka, in an instance whose brokers are unreachable', async () => {
    const port = await closedPort();
    const t0 = Date.now();
    const { status, body } = await probeInstance({ KAFKA_BROKERS: `127.0.0.1:${port}` });
    expect(status).toBe(503);
    expect(body.status).toBe('unavailable');
    expect(body.checks.database!.ok).toBe(true);
    expect(body.checks.kafka!.ok).toBe(false);
    expect(body.checks.kafka!.error).toBeTruthy();
    expect(Date.now() - t0).toBeLessThan(15_000); // process start included; the check itself gives up after 2 s
  });

  it('ready reports the database when PostgreSQL is unreachable, and answers within its timeout', async () => {
    const port = await closedPort();
    const deadDb = createDb(`postgresql://postgres:postgres@127.0.0.1:${port}/nothing`, 1);
    try {
      const t0 = Date.now();
      const result = await checkReadiness({ db: deadDb, timeoutMs: 1_000 });
      expect(Date.now() - t0).toBeLessThan(3_000);
      expect(result).toMatchObject({ status: 'unavailable', checks: { database: { ok: false }, kafka: { ok: true } } });
    } finally {
      await deadDb.$disconnect().catch(() => {});
    }
  });
});

describe('worker heartbeats', () => {
  it('show a running worker with its partitions, "stopped" after a clean stop and stale after a silent death', async () => {
    const a = spawnWorker('platform-dead-letter-recorder');
    const b = spawnWorker('platform-dead-letter-recorder');
    workers.push(a, b);
    await Promise.all([a.ready, b.ready]);
    const mine = (pid: number | undefined) => db.workerHeartbeat.findFirst({ where: { pid, worker: 'platform-dead-letter-recorder' }, orderBy: { startedAt: 'desc' } });

    await waitFor(async () => (await mine(a.proc.pid))?.status === 'running', 20_000, 'a running heartbeat');
    const beat = (await mine(a.proc.pid))!;
    expect(beat.instanceId).toMatch(new RegExp(`^platform-dead-letter-recorder-${a.proc.pid}-[0-9a-f]{6}$`));
    expect(beat.details).toMatchObject({ group: expect.stringContaining('platform-dead-letter-recorder'), assigned: expect.any(Array) });

    await a.stop('SIGTERM');
    expect((await mine(a.proc.pid))?.status).toBe('stopped');

    await waitFor(async () => (await mine(b.proc.pid))?.status === 'running', 20_000, 'the second instance running');
    await b.stop('SIGKILL'); // no chance to say goodbye
    const silent = (await mine(b.proc.pid))!;
    expect(silent.status).not.toBe('stopped');
    const later = await listWorkerHealth(new Date(silent.lastBeatAt.getTime() + STALE_AFTER_MS + 1_000));
    const instances = later.workers.find((w) => w.worker === 'platform-dead-letter-recorder')?.instances ?? [];
    expect(instances.find((i) => i.pid === b.proc.pid)?.state).toBe('stale');
    expect(instances.find((i) => i.pid === a.proc.pid)?.state).toBe('stopped');
  });
});
