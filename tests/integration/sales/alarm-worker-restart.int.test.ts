// Item 15: the alarm worker is stopped (and later killed) while customers keep
// submitting; after each restart every consultation has exactly one alarm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsultation } from '@/lib/sales/consultations/create-consultation';
import { db } from '@/lib/platform/db';
import { isolateRegion, makeCustomer, makeProject, makeSalesman, requestFor, spawnWorker, waitFor, type WorkerProcess } from '../helpers';

const REGION = '강원';
const TOTAL = 60;
let relay: WorkerProcess;
let alarmWorker: WorkerProcess;

beforeAll(async () => {
  await isolateRegion(REGION);
  relay = spawnWorker('platform-outbox-relay');
  alarmWorker = spawnWorker('sales-alarm-worker');
  await Promise.all([relay.ready, alarmWorker.ready]);
});
afterAll(async () => {
  await Promise.all([relay.stop(), alarmWorker.stop()]);
});

describe('alarm worker restarts', () => {
  it('delivers every alarm exactly once across a clean stop and a crash', async () => {
    const [project, customer] = await Promise.all([makeProject(), makeCustomer(REGION), makeSalesman([REGION]), makeSalesman([REGION])]);
    const ids: string[] = [];
    const submit = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const { consultation } = await createConsultation({ customerId: customer.id, input: requestFor(project.id, REGION) });
        ids.push(consultation.id);
        await new Promise((r) => setTimeout(r, 50));
      }
    };

    await submit(TOTAL / 3);
    const stopping = alarmWorker.stop('SIGTERM');
    await submit(TOTAL / 6); // submissions go on while the worker is down
    expect(await stopping).toBe(0);
    alarmWorker = spawnWorker('sales-alarm-worker');
    await submit(TOTAL / 6);
    await alarmWorker.ready;

    await submit(TOTAL / 6);
    await alarmWorker.stop('SIGKILL'); // a crash: no offset commit, no goodbye to the group
    await submit(TOTAL / 6);
    alarmWorker = spawnWorker('sales-alarm-worker');
    await alarmWorker.ready;
    expect(ids).toHaveLength(TOTAL);

    const count = () => db.alarm.count({ where: { consultationId: { in: ids }, eventType: 'ConsultationCreated' } });
    await waitFor(async () => (await count()) >= TOTAL, 90_000, `${TOTAL} alarms`);
    await new Promise((r) => setTimeout(r, 2_000)); // let any redelivery land before counting again
    const perConsultation = await db.alarm.groupBy({
      by: ['consultationId'],
      where: { consultationId: { in: ids }, eventType: 'ConsultationCreated' },
      _count: { _all: true },
    });
    expect(perConsultation).toHaveLength(TOTAL);
    expect(perConsultation.every((g) => g._count._all === 1)).toBe(true);
  });
});
