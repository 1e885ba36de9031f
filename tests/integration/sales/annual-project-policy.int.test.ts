// Item 3: on ProjectEnded the AnnualProjectCreate policy worker creates next
// year's project once, linked by correlation and causation; replaying the same
// event (redelivery, a reset consumer group, a second run of the handler)
// never makes a second copy.
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/platform/db';
import type { EventOf } from '@/lib/platform/events/catalog';
import { TOPICS, TOPIC_PREFIX } from '@/lib/platform/events/topics';
import { createKafka } from '@/lib/platform/kafka/client';
import { createNextYearProject } from '@/lib/sales/policies/annual-project';
import { createProject } from '@/lib/sales/projects/create-project';
import { endProject } from '@/lib/sales/projects/end-project';
import { startProject } from '@/lib/sales/projects/start-project';
import type { Viewer } from '@/lib/platform/session/viewer';
import { spawnWorker, waitFor, type WorkerProcess } from '../helpers';

const staff: Viewer = { role: 'staff', name: 'Staff' };
const GROUP = `${TOPIC_PREFIX}sales-annual-project-policy`;
let relay: WorkerProcess;
let policy: WorkerProcess;
let producer: Producer;

beforeAll(async () => {
  relay = spawnWorker('platform-outbox-relay');
  policy = spawnWorker('sales-annual-project-policy');
  producer = createKafka('annual-policy-test').producer();
  await Promise.all([relay.ready, policy.ready, producer.connect()]);
});
afterAll(async () => {
  await Promise.all([relay.stop(), policy.stop(), producer.disconnect()]);
});

/** Creates, starts and ends a project; returns its ProjectEnded envelope as it sits in the outbox. */
async function runToEnd(extra: Record<string, unknown> = {}) {
  const name = `연례정책 테스트 ${randomUUID().slice(0, 8)}`;
  const { project } = await createProject({
    viewer: staff,
    input: { name, year: 2026, scale: '1,200,000,000', target: '창업기업', host: '테스트진흥원', summary: '연례 정책 테스트', link: 'https://example.kr/a', ...extra },
  });
  await startProject({ viewer: staff, input: { projectId: project.projectId, startDate: '2026-03-02' } });
  const { eventId } = await endProject({ viewer: staff, input: { projectId: project.projectId } });
  const row = await db.outboxEvent.findUniqueOrThrow({ where: { eventId: eventId! } });
  return { name, ended: row.envelope as unknown as EventOf<'ProjectEnded'> };
}

const copiesOf = (name: string) => db.project.findMany({ where: { name, year: 2027 } });

/**
 * Publishes the envelope again, then a marker ProjectEnded with the same Kafka
 * key (same partition, so it is consumed after the replay): once the marker's
 * copy exists, the replay has been consumed too.
 */
async function replayAndSettle(ended: EventOf<'ProjectEnded'>) {
  const marker = await runToEnd();
  await producer.send({
    topic: TOPICS.projects,
    messages: [
      { key: ended.payload.projectId, value: JSON.stringify(ended) },
      { key: ended.payload.projectId, value: JSON.stringify(marker.ended) },
    ],
  });
  await waitFor(async () => (await copiesOf(marker.name)).length > 0, 60_000, `copy of marker ${marker.name}`);
}

describe('AnnualProjectCreate policy', () => {
  it('creates next year\'s planned copy with ProjectCreated caused by ProjectEnded', async () => {
    const { name, ended } = await runToEnd();
    const copy = await waitFor(async () => (await copiesOf(name))[0], 60_000, `copy of ${name}`);
    expect(copy).toMatchObject({
      year: 2027, scale: 1_200_000_000n, target: '창업기업', host: '테스트진흥원', summary: '연례 정책 테스트',
      link: 'https://example.kr/a', status: 'planned', startDate: null, endDate: null,
    });
    expect(copy!.expStartDate?.toISOString().slice(0, 10)).toBe('2027-03-02');

    const created = await db.outboxEvent.findMany({ where: { key: copy!.id } });
    expect(created.map((r) => r.type)).toEqual(['ProjectCreated']);
    const env = created[0]!.envelope as { correlationId: string; causationId: string; payload: { year: number; status: string } };
    expect(env).toMatchObject({ correlationId: ended.correlationId, causationId: ended.eventId, payload: { year: 2027, status: 'planned' } });
  });

  it('a redelivered ProjectEnded creates no second copy', async () => {
    const { name, ended } = await runToEnd();
    await waitFor(async () => (await copiesOf(name)).length > 0, 60_000, `copy of ${name}`);
    await replayAndSettle(ended);
    expect(await copiesOf(name)).toHaveLength(1);
  });

  it('a replay the dedupe table has forgotten (reset consumer group) is stopped by the (name, year) key', async () => {
    const { name, ended } = await runToEnd();
    const copy = await waitFor(async () => (await copiesOf(name))[0], 60_000, `copy of ${name}`);
    const forgotten = await db.processedEvent.deleteMany({ where: { consumer: GROUP, eventId: ended.eventId } });
    expect(forgotten.count).toBe(1);
    await replayAndSettle(ended);
    expect(await copiesOf(name)).toHaveLength(1);
    expect(await db.outboxEvent.count({ where: { key: copy!.id } })).toBe(1); // no second ProjectCreated
    expect(await db.processedEvent.count({ where: { consumer: GROUP, eventId: ended.eventId } })).toBe(1);
  });

  it('running the handler twice writes one project and one ProjectCreated', async () => {
    const name = `수동 선점 ${randomUUID().slice(0, 8)}`;
    const ended = {
      eventId: randomUUID(), type: 'ProjectEnded', version: 1, occurredAt: new Date().toISOString(),
      correlationId: randomUUID(), causationId: null,
      payload: {
        projectId: randomUUID(), name, year: 2026, scale: '5', target: 't', host: 'h', summary: 's', link: null,
        startDate: null, endDate: '2026-11-01', expStartDate: null, status: 'ended',
      },
    } satisfies EventOf<'ProjectEnded'>;
    const before = await db.outboxEvent.count();
    await db.$transaction((tx) => createNextYearProject(ended, tx));
    await db.$transaction((tx) => createNextYearProject(ended, tx));
    const copies = await copiesOf(name);
    expect(copies).toHaveLength(1);
    expect(copies[0]!.expStartDate).toBeNull(); // no start date to carry over
    expect(await db.outboxEvent.count()).toBe(before + 1);
  });
});
