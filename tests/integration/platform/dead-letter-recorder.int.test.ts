// Every kind of bad message ends up as a DeadLetter row with its reason: not
// JSON, an unknown type, an unknown version, a payload that fails its schema.
// The consuming worker and the recorder both carry on, and recording is idempotent.
import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsultation } from '@/lib/sales/consultations/create-consultation';
import { db } from '@/lib/platform/db';
import { recordDeadLetter } from '@/lib/platform/dead-letters/record';
import { getDeadLetterOverview } from '@/lib/platform/dead-letters/queries';
import { TOPIC_PREFIX, TOPICS } from '@/lib/platform/events/topics';
import { createKafka } from '@/lib/platform/kafka/client';
import { isolateRegion, makeCustomer, makeProject, makeSalesman, requestFor, spawnWorker, waitFor, type WorkerProcess } from '../helpers';

const REGION = '광주'; // this file's own region
const kafka = createKafka('it-dead-letter-recorder');
let producer: Producer;
let projection: WorkerProcess;
let recorder: WorkerProcess;

beforeAll(async () => {
  await isolateRegion(REGION);
  producer = kafka.producer();
  await producer.connect();
  projection = spawnWorker('sales-projection-worker');
  recorder = spawnWorker('platform-dead-letter-recorder');
  await Promise.all([projection.ready, recorder.ready]);
});
afterAll(async () => {
  await Promise.all([projection.stop(), recorder.stop(), producer.disconnect()]);
  await isolateRegion(REGION);
});

const envelope = (run: string, type: string, version: number, payload: object) =>
  JSON.stringify({ eventId: randomUUID(), type, version, occurredAt: new Date().toISOString(), correlationId: randomUUID(), causationId: null, payload: { ...payload, marker: run } });

// Offsets are stored as text (Kafka's are 64-bit): order them as numbers, or "100" sorts before "99".
const rowsOf = async (run: string) =>
  (await db.deadLetter.findMany({ where: { value: { contains: run } } })).sort((a, b) => Number(BigInt(a.offset) - BigInt(b.offset)));

describe('dead-letter recorder', () => {
  it('records each kind of bad message with its reason while the workers carry on', async () => {
    const run = randomUUID();
    const bad = [
      { kind: 'not json', value: `{"eventId": "${run}", oops` },
      { kind: 'unknown type', value: envelope(run, 'ConsultationTeleported', 1, {}) },
      { kind: 'unknown version', value: envelope(run, 'ConsultationCreated', 99, {}) },
      { kind: 'bad payload', value: envelope(run, 'ConsultationCreated', 1, { consultationId: 'not-a-uuid' }) },
    ];
    // A valid event right behind them on the same partition: it is only handled if the worker moved past all four.
    // It is a real consultation's event, taken from the outbox and published here as the relay would (the test
    // plays the relay, so the copy is on partition 0), then marked sent. Real rows behind it: every consumer of
    // the topic, now or in a later test, can process it.
    const [project, customer] = await Promise.all([makeProject(), makeCustomer(REGION), makeSalesman([REGION])]);
    const { consultation } = await createConsultation({ customerId: customer.id, input: requestFor(project.id, REGION) });
    const good = await db.outboxEvent.update({ where: { eventId: (await db.outboxEvent.findFirstOrThrow({ where: { key: consultation.id } })).eventId }, data: { publishedAt: new Date() } });
    await producer.send({
      topic: TOPICS.consultations,
      messages: [...bad.map((b) => ({ partition: 0, key: run, value: b.value })), { partition: 0, key: good.key, value: JSON.stringify(good.envelope) }],
    });

    await waitFor(async () => (await rowsOf(run)).length >= 4, 30_000, 'four dead letters');
    const rows = await rowsOf(run);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.sourceTopic === TOPICS.consultations && r.partition === 0 && r.consumer === `${TOPIC_PREFIX}sales-projection-worker`)).toBe(true);
    expect(rows.map((r) => r.reason)).toEqual([
      expect.stringMatching(/^not JSON/),
      expect.stringMatching(/unknown event type\/version ConsultationTeleported@1/),
      expect.stringMatching(/unknown event type\/version ConsultationCreated@99/),
      expect.stringMatching(/bad ConsultationCreated payload[\s\S]*consultationId/),
    ]);
    expect(rows.map((r) => r.value)).toEqual(bad.map((b) => b.value)); // kept as sent

    // The projection worker went on to the good event behind them.
    await waitFor(async () => (await db.projectStats.findUnique({ where: { projectId: project.id } }))?.requested === 1, 30_000, 'the event behind the bad ones');

    // The recorder goes on too: a later bad message is recorded as well.
    await producer.send({ topic: TOPICS.interests, messages: [{ key: run, value: `not json either ${run}` }] });
    await waitFor(async () => (await rowsOf(run)).some((r) => r.sourceTopic === TOPICS.interests), 30_000, 'a fifth dead letter');

    // Staff see the counts per source topic.
    const overview = await getDeadLetterOverview();
    expect(overview.byTopic.find((t) => t.sourceTopic === TOPICS.consultations)?.count).toBeGreaterThanOrEqual(4);
    expect(overview.byTopic.find((t) => t.sourceTopic === TOPICS.interests)?.count).toBeGreaterThanOrEqual(1);
  });

  it('stores one row per source message and consumer, however often it is recorded', async () => {
    const row = { sourceTopic: `${TOPIC_PREFIX}it.idempotence`, consumer: 'it-consumer', partition: 2, offset: String(Date.now()), reason: 'test', value: randomUUID() };
    expect(await recordDeadLetter(db, row)).toBe(true);
    expect(await recordDeadLetter(db, { ...row, reason: 'again' })).toBe(false);
    expect(await recordDeadLetter(db, { ...row, consumer: 'another-consumer' })).toBe(true); // a second consumer's failure is its own entry
    expect(await db.deadLetter.count({ where: { sourceTopic: row.sourceTopic, offset: row.offset } })).toBe(2);
  });
});
