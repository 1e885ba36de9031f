// Item 8: ProjectStarted -> exactly one notification per interested customer,
// delivered to a webhook (a local HTTP server) through timeout, retries and a
// circuit breaker. The server first fails (503), then hangs past the timeout,
// then recovers; the worker is also killed during the outage. The breaker keeps
// calls far below the number of notifications, consultations go on being
// created, and after recovery each notification arrives exactly once.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsultation } from '@/lib/sales/consultations/create-consultation';
import { db } from '@/lib/platform/db';
import { createInterest } from '@/lib/sales/interests/create-interest';
import { updateInterest } from '@/lib/sales/interests/update-interest';
import { createProject } from '@/lib/sales/projects/create-project';
import { startProject } from '@/lib/sales/projects/start-project';
import type { Viewer } from '@/lib/platform/session/viewer';
import { isolateRegion, makeCustomer, makeSalesman, requestFor, spawnWorker, waitFor, type WorkerProcess } from '../helpers';
import { redeliver } from '../redeliver';

const REGION = '광주';
const INTERESTED = 40;
const staff: Viewer = { role: 'staff', name: 'Staff' };
const asCustomer = (c: { id: string; name: string }): Viewer => ({ role: 'customer', customerId: c.id, name: c.name });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The receiver: 503, or never answers (the client must time out), or 200.
type Mode = 'fail' | 'hang' | 'ok';
let mode = 'ok' as Mode;
const calls: { key: string; mode: Mode }[] = [];
const accepted = new Map<string, number>(); // Idempotency-Key -> 2xx answers
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const key = String(req.headers['idempotency-key'] ?? '');
    calls.push({ key, mode });
    if (mode === 'fail') res.writeHead(503).end('{"error":"maintenance"}');
    else if (mode === 'ok') {
      accepted.set(key, (accepted.get(key) ?? 0) + 1);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"queued":true}');
    } // 'hang': no answer at all
  });
});

const SETTINGS = {
  NOTIFY_TIMEOUT_MS: '400',
  NOTIFY_RETRIES: '1',
  NOTIFY_RETRY_DELAY_MS: '50',
  NOTIFY_BREAKER_FAILURES: '3',
  NOTIFY_BREAKER_HALF_OPEN_MS: '2000',
  NOTIFY_BACKOFF_BASE_MS: '300',
  NOTIFY_BACKOFF_MAX_MS: '2000',
  NOTIFY_POLL_MS: '100',
};
let relay: WorkerProcess;
let worker: WorkerProcess;
const logs: string[] = [];
const startWorker = () => {
  worker = spawnWorker('sales-notification-worker');
  worker.proc.stdout!.on('data', (d: Buffer) => logs.push(d.toString()));
  return worker.ready;
};

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  Object.assign(process.env, SETTINGS, { NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify` });
  await isolateRegion(REGION);
  await makeSalesman([REGION]);
  relay = spawnWorker('platform-outbox-relay');
  await Promise.all([relay.ready, startWorker()]);
  // Whatever earlier test files left pending is delivered first, so that every call counted below is ours.
  await waitFor(async () => (await db.notification.count({ where: { status: 'pending' } })) === 0, 60_000, 'an empty backlog');
});
afterAll(async () => {
  await Promise.all([relay?.stop(), worker?.stop()]);
  for (const k of [...Object.keys(SETTINGS), 'NOTIFY_WEBHOOK_URL']) delete process.env[k];
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('notifications on ProjectStarted through a failing webhook', () => {
  it('opens the breaker, keeps consultations working, and delivers each one exactly once after recovery', async () => {
    const { project } = await createProject({
      viewer: staff,
      input: { name: `알림 테스트 사업 ${randomUUID().slice(0, 8)}`, year: 2026, scale: '2,000,000,000', target: '중소기업', host: '테스트청', summary: '알림 테스트', expStartDate: '2026-05-01' },
    });
    const fans = await Promise.all(Array.from({ length: INTERESTED }, () => makeCustomer(REGION)));
    for (const c of fans) await createInterest({ viewer: asCustomer(c), input: { projectId: project.projectId } });
    const [quitter, bystander] = await Promise.all([makeCustomer(REGION), makeCustomer(REGION)]);
    const q = await createInterest({ viewer: asCustomer(quitter), input: { projectId: project.projectId } });
    await updateInterest({ viewer: asCustomer(quitter), input: { interestId: q.interest.id, interested: false } });

    // Outage, part 1: the receiver answers 503.
    mode = 'fail';
    const outageStart = Date.now();
    calls.length = 0;
    accepted.clear();
    await startProject({ viewer: staff, input: { projectId: project.projectId } });
    const mine = { projectId: project.projectId };
    await waitFor(async () => (await db.notification.count({ where: mine })) === INTERESTED, 30_000, 'one notification per interested customer');
    await waitFor(async () => logs.join('').includes('circuit open (webhook)'), 20_000, 'the breaker to open');

    // Consultations do not depend on notifications: they keep being created during the outage.
    for (const c of fans.slice(0, 5)) {
      const { consultation } = await createConsultation({ customerId: c.id, input: requestFor(project.projectId, REGION) });
      expect(consultation.step).toBe('requested');
    }
    await sleep(2_000);

    // Part 2: the receiver hangs past the timeout; the worker crashes meanwhile and comes back.
    mode = 'hang';
    await sleep(2_000);
    const before = await db.notification.findMany({ where: mine, select: { attempts: true, status: true, lastError: true } });
    expect(before.every((n) => n.status === 'pending')).toBe(true);
    expect(before.some((n) => n.attempts > 0 && n.lastError)).toBe(true);
    await worker.stop('SIGKILL');
    await startWorker();
    await sleep(3_000);
    const after = await db.notification.findMany({ where: mine, select: { attempts: true, status: true } });
    expect(after.every((n) => n.status === 'pending')).toBe(true); // nothing in memory only: the crash lost no row
    expect(after.reduce((s, n) => s + n.attempts, 0)).toBeGreaterThanOrEqual(before.reduce((s, n) => s + n.attempts, 0));

    // While failing, the breaker kept calls far below the number of notifications (without it, the first round
    // alone is 2 calls each). Each process makes 3 calls to open it, then one probe per half-open period.
    const outageCalls = calls.length;
    const probes = Math.ceil((Date.now() - outageStart) / Number(SETTINGS.NOTIFY_BREAKER_HALF_OPEN_MS));
    expect(calls.some((c) => c.mode === 'fail') && calls.some((c) => c.mode === 'hang')).toBe(true);
    expect(outageCalls).toBeLessThanOrEqual(2 * 3 + probes);
    expect(outageCalls).toBeLessThan(INTERESTED / 2);
    expect(accepted.size).toBe(0);
    // Both processes saw the receiver fail and opened their breaker (the new one starts closed).
    expect(logs.join('').match(/circuit open \(webhook\)/g)!.length).toBeGreaterThanOrEqual(2);

    // Recovery: everything is delivered, each notification exactly once.
    mode = 'ok';
    await waitFor(async () => (await db.notification.count({ where: { ...mine, status: 'pending' } })) === 0, 60_000, 'every notification delivered');
    await sleep(1_500); // room for a duplicate to show up, if there were one
    const rows = await db.notification.findMany({ where: mine });
    expect(rows).toHaveLength(INTERESTED);
    expect(new Set(rows.map((n) => n.customerId))).toEqual(new Set(fans.map((c) => c.id)));
    expect(rows.every((n) => n.status === 'delivered' && n.deliveredAt && n.channel === 'webhook')).toBe(true);
    expect(rows.map((n) => n.phone).sort()).toEqual(fans.map((c) => c.phone).sort());
    for (const n of rows) expect(accepted.get(n.id)).toBe(1);
    expect([...accepted.keys()].filter((k) => !rows.some((n) => n.id === k))).toEqual([]);
    expect(await db.notification.count({ where: { customerId: { in: [quitter.id, bystander.id] } } })).toBe(0);

    // A redelivered ProjectStarted makes no second notification and no second call.
    const started = await db.outboxEvent.findFirstOrThrow({ where: { key: project.projectId, type: 'ProjectStarted' } });
    const callsBefore = calls.length;
    await redeliver(started.eventId, 'sales-notification-worker');
    await sleep(500);
    expect(await db.notification.count({ where: mine })).toBe(INTERESTED);
    expect(calls.length).toBe(callsBefore);
    console.log(`outage calls ${outageCalls} for ${INTERESTED} notifications; total calls ${calls.length}`);
  });
});
