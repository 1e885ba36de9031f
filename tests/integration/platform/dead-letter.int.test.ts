// A malformed message or an unknown event type goes to the dead-letter topic
// with its reason, and the alarm worker carries on with the next message.
import { randomUUID } from 'node:crypto';
import type { Consumer, Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsultation } from '@/lib/sales/consultations/create-consultation';
import { ConsultationCreated } from '@/lib/platform/events/catalog';
import { createEnvelope } from '@/lib/platform/events/envelope';
import { db } from '@/lib/platform/db';
import { TOPICS } from '@/lib/platform/events/topics';
import { createKafka } from '@/lib/platform/kafka/client';
import { isolateRegion, makeCustomer, makeProject, makeSalesman, requestFor, spawnWorker, waitFor, type WorkerProcess } from '../helpers';

const REGION = '전남';
const kafka = createKafka('it-dlq');
let producer: Producer;
let dlq: Consumer;
let relay: WorkerProcess;
let alarmWorker: WorkerProcess;
const parked: { marker: string; reason: string; source: string }[] = [];

beforeAll(async () => {
  await isolateRegion(REGION);
  producer = kafka.producer();
  await producer.connect();
  dlq = kafka.consumer({ groupId: `it-dlq-${randomUUID()}` });
  await dlq.connect();
  await dlq.subscribe({ topic: TOPICS.deadLetter, fromBeginning: true });
  await dlq.run({
    eachMessage: async ({ message }) => {
      parked.push({
        marker: message.key?.toString() ?? '',
        reason: message.headers?.['dlq-reason']?.toString() ?? '',
        source: message.headers?.['dlq-source-topic']?.toString() ?? '',
      });
    },
  });
  relay = spawnWorker('platform-outbox-relay');
  alarmWorker = spawnWorker('sales-alarm-worker');
  await Promise.all([relay.ready, alarmWorker.ready]);
});
afterAll(async () => {
  await Promise.all([relay.stop(), alarmWorker.stop(), dlq.disconnect(), producer.disconnect()]);
});

describe('dead-letter topic', () => {
  it('parks bad messages with a reason and keeps consuming', async () => {
    const run = randomUUID();
    await producer.send({
      topic: TOPICS.consultations,
      // Garbage on every partition, so whichever partition the good event lands on, it comes after one.
      messages: [
        ...[0, 1, 2, 3, 4, 5].map((partition) => ({ partition, key: `${run}-garbage`, value: '{this is not json' })),
        { partition: 0, key: `${run}-unknown`, value: JSON.stringify({ eventId: randomUUID(), type: 'ConsultationTeleported', version: 1, occurredAt: new Date().toISOString(), correlationId: randomUUID(), causationId: null, payload: {} }) },
      ],
    });
    const [project, customer] = await Promise.all([makeProject(), makeCustomer(REGION), makeSalesman([REGION])]);
    const { consultation } = await createConsultation({ customerId: customer.id, input: requestFor(project.id, REGION) });

    const mine = () => parked.filter((p) => p.marker.startsWith(run));
    await waitFor(async () => mine().length >= 7, 30_000, 'seven dead letters');
    expect(mine().filter((p) => p.marker.endsWith('garbage')).map((p) => p.reason)).toEqual(Array(6).fill(expect.stringMatching(/not JSON/)));
    expect(mine().find((p) => p.marker.endsWith('unknown'))?.reason).toMatch(/unknown event type\/version ConsultationTeleported@1/);
    expect(mine().every((p) => p.source === TOPICS.consultations)).toBe(true);
    await waitFor(() => db.alarm.count({ where: { consultationId: consultation.id } }), 30_000, 'alarm after the bad messages');
  });

  it('parks a well-formed event the handler can never write (unknown salesman) instead of retrying forever', async () => {
    const run = randomUUID();
    const ghost = createEnvelope(ConsultationCreated, {
      consultationId: randomUUID(), projectId: randomUUID(), projectName: '유령 사업', customerId: randomUUID(),
      salesmanId: randomUUID(), contactName: '유령', company: '유령상사', region: REGION, step: 'requested',
    }, { correlationId: randomUUID() });
    await producer.send({ topic: TOPICS.consultations, messages: [0, 1, 2, 3, 4, 5].map((partition) => ({ partition, key: `${run}-ghost`, value: JSON.stringify({ ...ghost, eventId: randomUUID() }) })) });
    const [project, customer] = await Promise.all([makeProject(), makeCustomer(REGION)]);
    const { consultation } = await createConsultation({ customerId: customer.id, input: requestFor(project.id, REGION) });

    const mine = () => parked.filter((p) => p.marker === `${run}-ghost`);
    await waitFor(async () => mine().length >= 6, 30_000, 'six parked ghost events');
    expect(mine().map((p) => p.reason)).toEqual(Array(6).fill(expect.stringMatching(/permanently \(P2003\).*Alarm_salesmanId_fkey/)));
    await waitFor(() => db.alarm.count({ where: { consultationId: consultation.id } }), 30_000, 'alarm after the ghosts');
  });

  it('applies the good events of a batch that also holds one it can never write, and parks only that one', async () => {
    const run = randomUUID();
    const [project, customer] = await Promise.all([makeProject(), makeCustomer(REGION)]);
    const { consultation } = await createConsultation({ customerId: customer.id, input: requestFor(project.id, REGION) });
    const outbox = await db.outboxEvent.findFirstOrThrow({ where: { type: 'ConsultationCreated', envelope: { path: ['payload', 'consultationId'], equals: consultation.id } } });
    const real = outbox.envelope as { payload: { salesmanId: string } };
    const good = [randomUUID(), randomUUID()];
    const ghost = { ...real, eventId: randomUUID(), payload: { ...real.payload, salesmanId: randomUUID() } };
    // One send to one partition: the three arrive in the same batch, the ghost between two good copies.
    await producer.send({
      topic: TOPICS.consultations,
      messages: [
        { partition: 1, key: `${run}-good`, value: JSON.stringify({ ...real, eventId: good[0] }) },
        { partition: 1, key: `${run}-ghost`, value: JSON.stringify(ghost) },
        { partition: 1, key: `${run}-good`, value: JSON.stringify({ ...real, eventId: good[1] }) },
      ],
    });
    await waitFor(() => db.alarm.count({ where: { eventId: { in: good } } }).then((n) => n === 2), 30_000, 'alarms of both good copies');
    await waitFor(async () => parked.some((p) => p.marker === `${run}-ghost`), 30_000, 'the ghost parked');
    expect(parked.filter((p) => p.marker.startsWith(run)).map((p) => p.marker)).toEqual([`${run}-ghost`]);
    expect(await db.alarm.count({ where: { eventId: ghost.eventId } })).toBe(0);
  });
});
