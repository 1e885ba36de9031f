// Item 11: the projection and notification workers are stopped while customers
// keep submitting; submissions succeed, and after a restart every missed event
// is processed exactly once. (The alarm worker: sales-alarm-worker-restart.int.test.ts.)
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsultation } from '@/lib/sales/consultations/create-consultation';
import { db } from '@/lib/platform/db';
import { createInterest } from '@/lib/sales/interests/create-interest';
import { createProject } from '@/lib/sales/projects/create-project';
import { startProject } from '@/lib/sales/projects/start-project';
import { isolateRegion, makeCustomer, makeProject, makeSalesman, requestFor, spawnWorker, waitFor, type WorkerProcess } from '../helpers';

const REGION = '대전';
const staff = { role: 'staff' as const, name: 'Staff' };
let relay: WorkerProcess;

beforeAll(async () => {
  await isolateRegion(REGION);
  await makeSalesman([REGION]);
  relay = spawnWorker('platform-outbox-relay');
  await relay.ready;
});
afterAll(() => relay.stop());

const settle = () => new Promise((r) => setTimeout(r, 2_000));

describe('workers stopped while customers keep submitting', () => {
  it('projection worker: after a stop and a crash, statistics and the event log count each event once', async () => {
    const [project, customer] = await Promise.all([makeProject(), makeCustomer(REGION)]);
    const submit = async (n: number) => {
      const ids = [];
      for (let i = 0; i < n; i++) ids.push((await createConsultation({ customerId: customer.id, input: requestFor(project.id, REGION) })).consultation.id);
      return ids;
    };
    let worker = spawnWorker('sales-projection-worker');
    await worker.ready;
    const ids = await submit(5);
    await worker.stop('SIGTERM');
    ids.push(...(await submit(5))); // nobody projects these yet; the customers do not notice
    worker = spawnWorker('sales-projection-worker');
    await worker.ready;
    ids.push(...(await submit(5)));
    await worker.stop('SIGKILL');
    ids.push(...(await submit(5)));
    worker = spawnWorker('sales-projection-worker');
    await worker.ready;

    const stats = () => db.projectStats.findUnique({ where: { projectId: project.id } });
    await waitFor(async () => ((await stats())?.requested ?? 0) >= 20, 60_000, '20 requested in stats');
    await settle();
    expect((await stats())?.requested).toBe(20);
    expect(await db.eventLog.count({ where: { type: 'ConsultationCreated', subjectId: { in: ids } } })).toBe(20);
    await worker.stop();
  });

  it('notification worker: a project started while it is down notifies each interested customer exactly once', async () => {
    const { project } = await createProject({
      viewer: staff,
      input: { name: `재시작 알림 사업 ${randomUUID().slice(0, 8)}`, year: 2027, scale: '1000000000', target: '중소기업', host: '테스트청', summary: '알림 재시작 테스트', link: '', startDate: '', endDate: '', expStartDate: '' },
    });
    const customers = await Promise.all(Array.from({ length: 4 }, () => makeCustomer(REGION)));
    for (const c of customers) await createInterest({ viewer: { role: 'customer', customerId: c.id, name: c.name }, input: { projectId: project.projectId } });

    let worker = spawnWorker('sales-notification-worker');
    await worker.ready;
    await worker.stop('SIGKILL');
    const started = await startProject({ viewer: staff, input: { projectId: project.projectId } });
    expect(started.project.status).toBe('ongoing');
    const other = await makeProject();
    await createConsultation({ customerId: customers[0]!.id, input: requestFor(other.id, REGION) }); // still accepted
    worker = spawnWorker('sales-notification-worker');
    await worker.ready;

    const mine = { projectId: project.projectId };
    await waitFor(async () => (await db.notification.count({ where: { ...mine, status: 'delivered' } })) >= 4, 60_000, '4 delivered');
    await settle();
    const rows = await db.notification.findMany({ where: mine });
    expect(rows.map((r) => r.customerId).sort()).toEqual(customers.map((c) => c.id).sort());
    expect(rows.map((r) => r.phone).sort()).toEqual(customers.map((c) => c.phone).sort());
    await worker.stop();
  });
});
