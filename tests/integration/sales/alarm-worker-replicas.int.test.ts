// Item 12: three replicas of the alarm worker share one consumer group; while
// consultations pour in (and one replica leaves, forcing a rebalance), every
// consultation still gets exactly one alarm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsultation } from '@/lib/sales/consultations/create-consultation';
import { db } from '@/lib/platform/db';
import { TOPIC_PREFIX } from '@/lib/platform/events/topics';
import { createKafka } from '@/lib/platform/kafka/client';
import { isolateRegion, makeCustomer, makeProject, makeSalesman, requestFor, spawnWorker, waitFor, type WorkerProcess } from '../helpers';

const REGION = '경북';
const TOTAL = 90;
let relay: WorkerProcess;
let replicas: WorkerProcess[] = [];

beforeAll(async () => {
  await isolateRegion(REGION);
  relay = spawnWorker('platform-outbox-relay');
  replicas = [spawnWorker('sales-alarm-worker'), spawnWorker('sales-alarm-worker'), spawnWorker('sales-alarm-worker')];
  await Promise.all([relay.ready, ...replicas.map((r) => r.ready)]);
});
afterAll(async () => {
  await Promise.all([relay.stop(), ...replicas.map((r) => r.stop())]);
});

describe('three sales-alarm-worker replicas', () => {
  it('split the partitions and never duplicate an alarm, even through a rebalance', async () => {
    const admin = createKafka('it-replicas').admin();
    await admin.connect();
    const group = `${TOPIC_PREFIX}sales-alarm-worker`;
    const members = async () => (await admin.describeGroups([group])).groups[0]?.members.length ?? 0;
    await waitFor(async () => (await members()) === 3, 30_000, 'three group members');
    const assigned = (await admin.describeGroups([group])).groups[0]!.members.filter((m) => m.memberAssignment.length > 0);
    expect(assigned).toHaveLength(3); // 6 partitions over 3 members: nobody idle

    const [project, customer] = await Promise.all([makeProject(), makeCustomer(REGION), makeSalesman([REGION])]);
    const ids: string[] = [];
    const burst = async (n: number) => {
      const made = await Promise.all(
        Array.from({ length: n }, () => createConsultation({ customerId: customer.id, input: requestFor(project.id, REGION) })),
      );
      ids.push(...made.map((m) => m.consultation.id));
    };
    for (let i = 0; i < 3; i++) await burst(TOTAL / 6);
    await replicas[0]!.stop('SIGTERM'); // one replica leaves mid-stream: its partitions move to the others
    for (let i = 0; i < 3; i++) await burst(TOTAL / 6);
    await admin.disconnect();

    const where = { consultationId: { in: ids }, eventType: 'ConsultationCreated' };
    await waitFor(async () => (await db.alarm.count({ where })) >= TOTAL, 60_000, `${TOTAL} alarms`);
    await new Promise((r) => setTimeout(r, 2_000));
    const groups = await db.alarm.groupBy({ by: ['consultationId'], where, _count: { _all: true } });
    expect(groups).toHaveLength(TOTAL);
    expect(groups.filter((g) => g._count._all !== 1)).toEqual([]);
  });
});
