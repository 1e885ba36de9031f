// Staff statistics follow the events through the projection worker: interested
// customers, consultations by step, conversion and the per-minute chart, each
// event counted exactly once even when Kafka delivers the whole history again.
// The event log records the same events with their correlation ids.
import { randomUUID } from 'node:crypto';
import type { Admin, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeConsultationStep } from '@/lib/sales/consultations/change-step';
import { createConsultation } from '@/lib/sales/consultations/create-consultation';
import { db } from '@/lib/platform/db';
import { TOPIC_PREFIX, TOPICS } from '@/lib/platform/events/topics';
import { createInterest } from '@/lib/sales/interests/create-interest';
import { updateInterest } from '@/lib/sales/interests/update-interest';
import { createKafka } from '@/lib/platform/kafka/client';
import { createProject } from '@/lib/sales/projects/create-project';
import type { Viewer } from '@/lib/platform/session/viewer';
import { getStatsSnapshot } from '@/lib/sales/stats/queries';
import { getTimeline } from '@/lib/sales/timeline/queries';
import { isolateRegion, makeCustomer, makeSalesman, requestFor, spawnWorker, waitFor, type WorkerProcess } from '../helpers';

const REGION = '울산'; // this file's own region
const staff: Viewer = { role: 'staff', name: 'Staff' };
const asCustomer = (c: { id: string; name: string }): Viewer => ({ role: 'customer', customerId: c.id, name: c.name });
const kafka = createKafka('it-project-stats');
let relay: WorkerProcess;
let projection: WorkerProcess;
let producer: Producer;
let admin: Admin;

beforeAll(async () => {
  await isolateRegion(REGION);
  producer = kafka.producer();
  admin = kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
  relay = spawnWorker('platform-outbox-relay');
  projection = spawnWorker('sales-projection-worker');
  await Promise.all([relay.ready, projection.ready]);
});
afterAll(async () => {
  await Promise.all([relay.stop(), projection.stop(), producer.disconnect(), admin.disconnect()]);
  await isolateRegion(REGION);
});

const stats = (projectId: string) => db.projectStats.findUnique({ where: { projectId } });

/** Waits until the projection worker's committed offsets reach the end of every topic it reads. */
async function projectionCaughtUp() {
  const topics = [TOPICS.projects, TOPICS.interests, TOPICS.consultations];
  await waitFor(async () => {
    const committed = await admin.fetchOffsets({ groupId: `${TOPIC_PREFIX}sales-projection-worker`, topics });
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      const mine = committed.find((c) => c.topic === topic)?.partitions ?? [];
      for (const end of ends) {
        const at = mine.find((p) => p.partition === end.partition)?.offset ?? '-1';
        if (BigInt(end.high) > 0n && BigInt(at) < BigInt(end.high)) return false;
      }
    }
    return true;
  }, 60_000, 'the projection worker to reach the end of its topics');
}

describe('project statistics', () => {
  it('count interests, steps and conversion from events, once each under redelivery', async () => {
    const name = `통계 테스트 사업 ${randomUUID().slice(0, 8)}`;
    const { project } = await createProject({
      viewer: staff,
      input: { name, year: 2026, scale: '500,000,000', target: '소상공인', host: '테스트청', summary: '통계 테스트', expStartDate: '2026-05-01' },
    });
    const projectId = project.projectId;
    const salesman = await makeSalesman([REGION]);
    const asSalesman: Viewer = { role: 'salesman', salesmanId: salesman.id, name: salesman.name };
    const [a, b, c] = await Promise.all([makeCustomer(REGION), makeCustomer(REGION), makeCustomer(REGION)]);

    // Interests: three on, one switched off again -> 2 interested.
    await createInterest({ viewer: asCustomer(a), input: { projectId } });
    await createInterest({ viewer: asCustomer(b), input: { projectId } });
    const cInterest = await createInterest({ viewer: asCustomer(c), input: { projectId } });
    await updateInterest({ viewer: asCustomer(c), input: { interestId: cInterest.interest.id, interested: false } });

    // Consultations: won (accepted -> in progress -> success), lost (accepted -> in progress -> fail),
    // rejected, accepted and left, and one still waiting.
    const ask = (who: typeof a) => createConsultation({ customerId: who.id, input: requestFor(projectId, REGION) }).then((r) => r.consultation.id);
    const [won, lost, rejected, acceptedOnly, waiting] = [await ask(a), await ask(b), await ask(c), await ask(a), await ask(b)];
    const move = (consultationId: string, ...steps: string[]) =>
      steps.reduce((p, step) => p.then(() => changeConsultationStep({ viewer: asSalesman, input: { consultationId, step } }).then(() => {})), Promise.resolve());
    await move(won, 'accepted', 'in_progress', 'success');
    await move(lost, 'accepted', 'in_progress', 'fail');
    await move(rejected, 'canceled');
    await move(acceptedOnly, 'accepted');

    const expected = { projectName: `${name} (2026)`, interested: 2, requested: 1, accepted: 1, inProgress: 0, success: 1, fail: 1, canceled: 1, everAccepted: 3 };
    const matches = async () => {
      const s = await stats(projectId);
      return s && Object.entries(expected).every(([k, v]) => s[k as keyof typeof s] === v) ? s : false;
    };
    await waitFor(matches, 30_000, 'the statistics to follow the events');
    expect(await stats(projectId)).toMatchObject(expected);
    const snapshot = await getStatsSnapshot({ projectId });
    const row = snapshot.projects.find((p) => p.projectId === projectId)!;
    expect(row.conversion).toBeCloseTo(1 / 3);
    expect(row.open).toBe(2);
    expect(snapshot.series.at(-1)).toMatchObject({ interests: 2, consultations: 5 });
    // The chart is read from the buckets, which hold the net changes of each minute.
    const buckets = await db.projectStatsBucket.aggregate({ where: { projectId }, _sum: { interests: true, consultations: true } });
    expect(buckets._sum).toEqual({ interests: 2, consultations: 5 });

    // The whole history of this project again, as a relay that died before marking its rows would send it.
    const history = await db.outboxEvent.findMany({ where: { OR: [{ key: { in: [won, lost, rejected, acceptedOnly, waiting, projectId] } }, { envelope: { path: ['payload', 'projectId'], equals: projectId } }] }, orderBy: { id: 'asc' } });
    expect(history.length).toBe(1 + 4 + 5 + 8); // project, 3 interests + 1 update, 5 created, 8 step moves
    for (const e of history) await producer.send({ topic: e.topic, messages: [{ key: e.key, value: JSON.stringify(e.envelope) }] });
    await projectionCaughtUp();
    expect(await stats(projectId)).toMatchObject(expected);
    expect((await db.projectStatsBucket.aggregate({ where: { projectId }, _sum: { interests: true, consultations: true } }))._sum).toEqual({ interests: 2, consultations: 5 });

    // Every one of those events is in the event log once, and the won consultation's chain reads created -> accepted -> in progress -> success.
    expect(await db.eventLog.count({ where: { eventId: { in: history.map((h) => h.eventId) } } })).toBe(history.length);
    const timeline = await getTimeline({ subjectId: won });
    expect(timeline.events).toBe(4);
    const chain: string[] = [];
    for (let n = timeline.tree[0]; n; n = n.children[0]) chain.push(`${n.event.type}:${(n.event.payload as { step: string }).step}`);
    expect(chain).toEqual(['ConsultationCreated:requested', 'ConsultationEdited:accepted', 'ConsultationEdited:in_progress', 'ConsultationEdited:success']);
    expect(timeline.tree[0]!.event.processedBy.map((p) => p.consumer)).toContain(`${TOPIC_PREFIX}sales-projection-worker`);
  });

  it('shows nothing for a project without events, and refuses a malformed project id', async () => {
    const snapshot = await getStatsSnapshot({ projectId: randomUUID() });
    expect(snapshot.series.every((p) => p.interests === 0 && p.consultations === 0)).toBe(true);
    await expect(getStatsSnapshot({ projectId: 'not-a-uuid' })).rejects.toMatchObject({ code: 'INVALID' });
  });
});
