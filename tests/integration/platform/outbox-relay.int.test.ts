// The relay dies after Kafka acknowledged a batch but before it marked the rows
// sent: the rows are published again, and the consumer still writes one alarm.
import { randomUUID } from 'node:crypto';
import type { Consumer, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alarmHandler } from '@/lib/sales/alarms/from-event';
import { createConsultation } from '@/lib/sales/consultations/create-consultation';
import { db } from '@/lib/platform/db';
import { TOPICS } from '@/lib/platform/events/topics';
import { createKafka } from '@/lib/platform/kafka/client';
import { startConsumer } from '@/lib/platform/kafka/run-consumer';
import { relayBatch } from '@/lib/platform/outbox/relay';
import { isolateRegion, makeCustomer, makeProject, makeSalesman, requestFor, waitFor } from '../helpers';

const REGION = '충남';
const kafka = createKafka('it-relay');
let producer: Producer;
const consumers: Consumer[] = [];

beforeAll(async () => {
  await isolateRegion(REGION);
  producer = kafka.producer();
  await producer.connect();
});
afterAll(async () => {
  await Promise.all(consumers.map((c) => c.disconnect()));
  await producer.disconnect();
});

/** Every copy of one event on the consultations topic, read by a fresh consumer group. */
async function copiesOnTopic(eventId: string, expected: number): Promise<number> {
  const seen: string[] = [];
  const c = kafka.consumer({ groupId: `it-copies-${randomUUID()}` });
  consumers.push(c);
  await c.connect();
  await c.subscribe({ topic: TOPICS.consultations, fromBeginning: true });
  await c.run({ eachMessage: async ({ message }) => void (message.headers?.['event-id']?.toString() === eventId && seen.push(eventId)) });
  await waitFor(async () => seen.length >= expected, 30_000, `${expected} copies of ${eventId}`);
  await new Promise((r) => setTimeout(r, 1_000)); // would a further copy arrive?
  return seen.length;
}

describe('outbox relay', () => {
  it('republishes after dying between publish and mark, and the consumer deduplicates', async () => {
    const [project, customer] = await Promise.all([makeProject(), makeCustomer(REGION), makeSalesman([REGION])]);
    const { consultation } = await createConsultation({ customerId: customer.id, input: requestFor(project.id, REGION) });
    const row = await db.outboxEvent.findFirstOrThrow({
      where: { type: 'ConsultationCreated', envelope: { path: ['payload', 'consultationId'], equals: consultation.id } },
    });

    const crash = new Error('relay killed after publish');
    await expect(relayBatch({ db, producer, afterPublish: async () => Promise.reject(crash) })).rejects.toBe(crash);
    expect((await db.outboxEvent.findUniqueOrThrow({ where: { id: row.id } })).publishedAt).toBeNull();

    while ((await relayBatch({ db, producer })) > 0);
    expect((await db.outboxEvent.findUniqueOrThrow({ where: { id: row.id } })).publishedAt).not.toBeNull();
    expect(await copiesOnTopic(row.eventId, 2)).toBe(2);

    const groupId = `it-alarms-${randomUUID()}`;
    consumers.push(await startConsumer({ kafka, db, producer, groupId, topics: [TOPICS.consultations], handlers: alarmHandler }));
    await waitFor(() => db.processedEvent.count({ where: { consumer: groupId, eventId: row.eventId } }), 30_000, 'processed');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await db.processedEvent.count({ where: { consumer: groupId, eventId: row.eventId } })).toBe(1);
    expect(await db.alarm.count({ where: { eventId: row.eventId } })).toBe(1);
  });
});
