// The relay dies after Kafka acknowledged a batch but before it marked the rows
// sent: the rows are published again, and the consumer still writes one alarm.
// An event Kafka refuses for good (over the topic's size limit) is parked as a dead
// letter and the events after it go out; a batch over the limit goes in pieces.
import { randomUUID } from 'node:crypto';
import type { Consumer, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alarmHandler } from '@/lib/sales/alarms/from-event';
import { createConsultation } from '@/lib/sales/consultations/create-consultation';
import { db } from '@/lib/platform/db';
import { TOPIC_PREFIX, TOPICS } from '@/lib/platform/events/topics';
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

  it('parks an event Kafka refuses for good, as a dead letter, publishes the ones after it, and splits a batch over the limit', async () => {
    const topic = `${TOPIC_PREFIX}it-small-${randomUUID().slice(0, 8)}`;
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: '4096' }] }] });
    } finally {
      await admin.disconnect();
    }
    const outboxRow = (summary: string) => {
      const eventId = randomUUID();
      return db.outboxEvent.create({
        data: { eventId, topic, key: 'k', type: 'ItTest', envelope: { eventId, type: 'ItTest', version: 1, correlationId: randomUUID(), payload: { summary } } },
      });
    };
    // Five of 1.5 KB: 7.5 KB together, over the limit; each fits. Then one of 10 KB, then a small one.
    const fits = [];
    for (let i = 0; i < 5; i++) fits.push(await outboxRow(`${i}`.repeat(1_500)));
    const tooLarge = await outboxRow('x'.repeat(10_000));
    const after = await outboxRow('small');

    const parked: string[] = [];
    const mine = [...fits, tooLarge, after].map((r) => r.id);
    await waitFor(async () => {
      await relayBatch({ db, producer, onParked: (e) => parked.push(e.eventId) });
      return (await db.outboxEvent.count({ where: { id: { in: mine }, publishedAt: null, parkedAt: null } })) === 0;
    }, 60_000, 'the test rows handled');

    const rows = await db.outboxEvent.findMany({ where: { id: { in: mine } }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.publishedAt !== null, r.parkedAt !== null])).toEqual([...fits.map(() => [true, false]), [false, true], [true, false]]);
    expect(rows[5]!.lastError).toMatch(/^Kafka refused the event \(MESSAGE_TOO_LARGE\)/);
    expect(parked).toEqual([tooLarge.eventId]);
    const letter = await db.deadLetter.findFirstOrThrow({ where: { sourceTopic: topic, consumer: 'platform-outbox-relay' } });
    expect([letter.offset, letter.reason]).toEqual([`outbox ${tooLarge.id}`, rows[5]!.lastError]);
    expect(letter.value).toContain(`"eventId":"${tooLarge.eventId}"`); // the start of it; the outbox row keeps it whole
    expect(letter.value).toMatch(new RegExp(`whole in OutboxEvent ${tooLarge.id}\\)$`));
    // Parked means never sent again.
    await relayBatch({ db, producer });
    expect((await db.outboxEvent.findUniqueOrThrow({ where: { id: tooLarge.id } })).attempts).toBe(1);

    // On the topic: the six that fit, in order; the refused one is not.
    const seen: string[] = [];
    const c = kafka.consumer({ groupId: `it-small-${randomUUID()}` });
    consumers.push(c);
    await c.connect();
    await c.subscribe({ topic, fromBeginning: true });
    await c.run({ eachMessage: async ({ message }) => void seen.push(message.headers!['event-id']!.toString()) });
    await waitFor(async () => seen.length >= 6, 30_000, 'six events on the topic');
    await new Promise((r) => setTimeout(r, 500));
    expect(seen).toEqual([...fits, after].map((r) => r.eventId));
  });
});
