// Item 7: the alarm feed holds all eight events. Project events reach every
// active salesman, interest and consultation events only the matched one; the
// feed pages by cursor, counts unread alarms and lets only their owner mark them.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALARMS_CHANNEL, EVERYONE } from '@/lib/sales/alarms/live';
import { markAlarmsRead } from '@/lib/sales/alarms/mark-read';
import { listAlarms } from '@/lib/sales/alarms/queries';
import { createConsultation } from '@/lib/sales/consultations/create-consultation';
import { config } from '@/lib/platform/config';
import { db } from '@/lib/platform/db';
import { createNotifications } from '@/lib/platform/live/pg-notifications';
import { AppError } from '@/lib/platform/errors';
import { InterestCreated, InterestUpdated } from '@/lib/platform/events/catalog';
import { TOPIC_PREFIX } from '@/lib/platform/events/topics';
import { recordEvent } from '@/lib/platform/outbox/record-event';
import { createProject } from '@/lib/sales/projects/create-project';
import { editProject } from '@/lib/sales/projects/edit-project';
import { endProject } from '@/lib/sales/projects/end-project';
import { startProject } from '@/lib/sales/projects/start-project';
import type { Viewer } from '@/lib/platform/session/viewer';
import { isolateRegion, makeCustomer, makeProject, makeSalesman, requestFor, spawnWorker, waitFor, type WorkerProcess } from '../helpers';

const REGION = '전남'; // this file's own region
const staff: Viewer = { role: 'staff', name: 'Staff' };
const as = (salesmanId: string): Viewer => ({ role: 'salesman', salesmanId, name: '영업' });
let relay: WorkerProcess;
let worker: WorkerProcess;

beforeAll(async () => {
  await isolateRegion(REGION);
  relay = spawnWorker('platform-outbox-relay');
  worker = spawnWorker('sales-alarm-worker');
  await Promise.all([relay.ready, worker.ready]);
});
afterAll(async () => {
  await Promise.all([relay.stop(), worker.stop()]);
  await isolateRegion(REGION);
});

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const alarmsFor = (eventId: string) => db.alarm.findMany({ where: { eventId }, select: { salesmanId: true, eventType: true, title: true } });

describe('alarm fan-out', () => {
  it('sends each project event to every active salesman and to no inactive one', async () => {
    const [a, b, gone] = await Promise.all([makeSalesman([REGION]), makeSalesman(['충남']), makeSalesman(['충남'])]);
    await db.salesman.update({ where: { id: gone.id }, data: { active: false } });
    const name = `알람 팬아웃 ${randomUUID().slice(0, 8)}`;
    const created = await createProject({ viewer: staff, input: { name, year: 2026, scale: '1000000', target: '모두', host: '테스트청', summary: '알람 테스트' } });
    const id = created.project.projectId;
    const edited = await editProject({ viewer: staff, input: { projectId: id, summary: '고친 요약' } });
    const started = await startProject({ viewer: staff, input: { projectId: id } });
    const ended = await endProject({ viewer: staff, input: { projectId: id } });
    const active = await db.salesman.count({ where: { active: true } });

    for (const { eventId } of [created, edited, started, ended]) {
      const rows = await waitFor(async () => { const r = await alarmsFor(eventId!); return r.length >= active ? r : null; }, 60_000, `fan-out of ${eventId}`);
      const ids = rows!.map((r) => r.salesmanId);
      expect(ids).toHaveLength(active);
      expect(new Set(ids).size).toBe(active);
      expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
      expect(ids).not.toContain(gone.id);
    }
    const feed = await listAlarms({ viewer: as(a.id) });
    expect(feed.alarms.filter((x) => x.projectId === id).map((x) => x.eventType)).toEqual(['ProjectEnded', 'ProjectStarted', 'ProjectEdited', 'ProjectCreated']);
    expect(feed.alarms.find((x) => x.eventType === 'ProjectEdited')?.body).toBe('Changed: summary.');
  });

  it('sends interest and consultation events only to the matched salesman, and nothing for an unmatched interest', async () => {
    await isolateRegion(REGION);
    const [matched, other] = await Promise.all([makeSalesman([REGION]), makeSalesman([REGION])]);
    await db.salesman.update({ where: { id: other.id }, data: { openConsultations: 1_000 } }); // matching picks `matched`
    const [project, customer] = await Promise.all([makeProject(), makeCustomer(REGION)]);
    const interest = {
      interestId: randomUUID(), customerId: customer.id, customerName: customer.name, phone: customer.phone,
      projectId: project.id, projectName: project.name, salesmanId: matched.id, interested: true,
    };
    const correlationId = randomUUID();
    const events = await db.$transaction(async (tx) => [
      await recordEvent(tx, InterestCreated, interest, { correlationId }),
      await recordEvent(tx, InterestUpdated, { ...interest, interested: false, previouslyInterested: true }, { correlationId }),
      await recordEvent(tx, InterestCreated, { ...interest, interestId: randomUUID(), salesmanId: null }, { correlationId }),
    ]);
    const { consultation, salesman } = await createConsultation({ customerId: customer.id, input: requestFor(project.id, REGION) });
    expect(salesman.id).toBe(matched.id);

    const alarms = await waitFor(async () => {
      const rows = await db.alarm.findMany({ where: { OR: [{ consultationId: consultation.id }, { correlationId }] } });
      return rows.length >= 3 ? rows : null;
    }, 60_000, 'interest and consultation alarms') as { salesmanId: string; eventType: string }[];
    expect(alarms.map((r) => r.salesmanId)).toEqual([matched.id, matched.id, matched.id]);
    expect(alarms.map((r) => r.eventType).sort()).toEqual(['ConsultationCreated', 'InterestCreated', 'InterestUpdated']);
    // The unmatched interest was consumed (its dedupe row exists) and made no alarm.
    const unmatched = events[2]!.eventId;
    await waitFor(() => db.processedEvent.count({ where: { consumer: `${TOPIC_PREFIX}sales-alarm-worker`, eventId: unmatched } }), 60_000, 'unmatched interest consumed');
    expect(await db.alarm.count({ where: { eventId: unmatched } })).toBe(0);
    expect(await db.alarm.count({ where: { salesmanId: other.id, projectId: project.id } })).toBe(0);
    expect((await db.alarm.findFirstOrThrow({ where: { eventId: events[1]!.eventId } })).title).toBe(`Interest withdrawn · ${project.name}`);
  });
});

describe('pushed alarms', () => {
  it('the worker\'s commit notifies the open feeds: the matched salesman for a consultation alarm, everyone for a project alarm', async () => {
    await isolateRegion(REGION);
    const listener = createNotifications(config().DATABASE_URL);
    const heard: { payload: string; alarms: number }[] = [];
    const [matched, project, customer] = await Promise.all([makeSalesman([REGION]), makeProject(), makeCustomer(REGION)]);
    // What a feed would refetch the moment it is told: the alarm is already committed.
    const { listening, unsubscribe } = listener.subscribe(ALARMS_CHANNEL, ({ payload }) => {
      void db.alarm.count({ where: { salesmanId: matched.id } }).then((alarms) => heard.push({ payload, alarms }));
    });
    try {
      await listening;
      const { consultation, salesman } = await createConsultation({ customerId: customer.id, input: requestFor(project.id, REGION) });
      expect(salesman.id).toBe(matched.id);
      const mine = await waitFor(async () => heard.find((h) => h.payload === matched.id) ?? null, 60_000, 'notification for the matched salesman');
      expect(mine!.alarms).toBeGreaterThanOrEqual(1);
      expect(await db.alarm.count({ where: { consultationId: consultation.id, salesmanId: matched.id } })).toBe(1);

      const before = heard.length;
      await createProject({ viewer: staff, input: { name: `알람 푸시 ${randomUUID().slice(0, 8)}`, year: 2026, scale: '1000000', target: '모두', host: '테스트청', summary: '푸시 테스트' } });
      // Other files' project alarms notify everyone too; ours is the one after which this salesman has both alarms.
      const everyone = await waitFor(async () => heard.slice(before).find((h) => h.payload === EVERYONE && h.alarms >= 2) ?? null, 60_000, 'notification for everyone');
      expect(everyone!.alarms).toBe(2);
    } finally {
      unsubscribe();
      await listener.close();
    }
  });
});

describe('alarm feed', () => {
  let owner: Awaited<ReturnType<typeof makeSalesman>>;
  let stranger: Awaited<ReturnType<typeof makeSalesman>>;

  beforeAll(async () => {
    [owner, stranger] = await Promise.all([makeSalesman(['충남']), makeSalesman(['충남'])]);
    // Out of the fan-out, so only the alarms made here are theirs.
    await db.salesman.updateMany({ where: { id: { in: [owner.id, stranger.id] } }, data: { active: false } });
    const base = Date.now() - 3_600_000;
    await db.alarm.createMany({
      data: Array.from({ length: 45 }, (_, i) => ({
        salesmanId: owner.id, eventId: randomUUID(), eventType: 'ProjectCreated', title: `알람 ${i}`, body: '본문',
        correlationId: randomUUID(), occurredAt: new Date(base + i * 1000), createdAt: new Date(base + i * 1000),
      })),
    });
  });

  it('pages newest first by cursor, without repeats or gaps even when new alarms arrive meanwhile', async () => {
    const first = await listAlarms({ viewer: as(owner.id) });
    expect(first.alarms.map((a) => a.title)).toEqual(Array.from({ length: 20 }, (_, i) => `알람 ${44 - i}`));
    expect(first.unread).toBe(45);
    await db.alarm.create({ data: { salesmanId: owner.id, eventId: randomUUID(), eventType: 'ProjectEdited', title: '새 알람', body: '본문', correlationId: randomUUID(), occurredAt: new Date() } });
    const second = await listAlarms({ viewer: as(owner.id), input: { cursor: first.nextCursor } });
    const third = await listAlarms({ viewer: as(owner.id), input: { cursor: second.nextCursor } });
    expect(second.alarms.map((a) => a.title)).toEqual(Array.from({ length: 20 }, (_, i) => `알람 ${24 - i}`));
    expect(third.alarms.map((a) => a.title)).toEqual(['알람 4', '알람 3', '알람 2', '알람 1', '알람 0']);
    expect(third.nextCursor).toBeNull();
    expect(third.unread).toBe(46);
    expect((await listAlarms({ viewer: as(owner.id) })).alarms[0]?.title).toBe('새 알람');
  });

  it('refuses another salesman\'s cursor, a bad page size and a non-salesman', async () => {
    const mine = (await listAlarms({ viewer: as(owner.id) })).alarms[0]!;
    expect((await refusal(listAlarms({ viewer: as(stranger.id), input: { cursor: mine.id } }))).code).toBe('NOT_FOUND');
    expect((await refusal(listAlarms({ viewer: as(owner.id), input: { limit: 0 } }))).code).toBe('INVALID');
    expect((await refusal(listAlarms({ viewer: staff }))).code).toBe('FORBIDDEN');
  });

  it('marks one alarm read for its owner only, keeps the first read time, and marks all up to a given alarm', async () => {
    const page = await listAlarms({ viewer: as(owner.id) });
    const [newest, second, third] = page.alarms;
    const stolen = await refusal(markAlarmsRead({ viewer: as(stranger.id), input: { alarmId: second!.id } }));
    expect([stolen.code, stolen.message]).toEqual(['NOT_FOUND', 'No such alarm among yours.']);
    expect((await refusal(markAlarmsRead({ viewer: as(stranger.id), input: { all: true, upTo: second!.id } }))).code).toBe('NOT_FOUND');
    expect((await refusal(markAlarmsRead({ viewer: { role: 'customer', customerId: randomUUID(), name: 'c' }, input: { alarmId: second!.id } }))).code).toBe('FORBIDDEN');
    expect((await refusal(markAlarmsRead({ viewer: as(owner.id), input: {} }))).code).toBe('INVALID');
    expect((await db.alarm.findUniqueOrThrow({ where: { id: second!.id } })).readAt).toBeNull();

    expect(await markAlarmsRead({ viewer: as(owner.id), input: { alarmId: second!.id } })).toEqual({ marked: 1, unread: page.unread - 1 });
    const readAt = (await db.alarm.findUniqueOrThrow({ where: { id: second!.id } })).readAt;
    expect(await markAlarmsRead({ viewer: as(owner.id), input: { alarmId: second!.id } })).toEqual({ marked: 0, unread: page.unread - 1 });
    expect((await db.alarm.findUniqueOrThrow({ where: { id: second!.id } })).readAt).toEqual(readAt);

    // "Mark all" from a screen whose newest alarm is `third`: the two newer ones stay unread (one was read already).
    const all = await markAlarmsRead({ viewer: as(owner.id), input: { all: true, upTo: third!.id } });
    expect(all.unread).toBe(1);
    expect((await db.alarm.findUniqueOrThrow({ where: { id: newest!.id } })).readAt).toBeNull();
    expect((await markAlarmsRead({ viewer: as(owner.id), input: { all: true } })).unread).toBe(0);
    expect((await listAlarms({ viewer: as(owner.id) })).alarms.every((a) => a.read)).toBe(true);
    expect(await db.alarm.count({ where: { salesmanId: stranger.id } })).toBe(0);
  });
});
