// CreateInterest / UpdateInterest against the real database: the salesman is
// matched synchronously and stored, each command writes exactly its own event,
// and a customer can touch only their own interests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/platform/db';
import { AppError } from '@/lib/platform/errors';
import { createInterest } from '@/lib/sales/interests/create-interest';
import { setInterest } from '@/lib/sales/interests/set-interest';
import { updateInterest } from '@/lib/sales/interests/update-interest';
import type { Viewer } from '@/lib/platform/session/viewer';
import { isolateRegion, makeCustomer, makeProject, makeSalesman } from '../helpers';

const REGION = '전북'; // this file's own region
const NOBODY = '제주'; // isolated: nobody covers it while this file runs

const asCustomer = (c: { id: string; name: string }): Viewer => ({ role: 'customer', customerId: c.id, name: c.name });

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const eventsOf = (interestId: string) =>
  db.outboxEvent.findMany({ where: { key: interestId }, orderBy: { id: 'asc' } }).then((rows) =>
    rows.map((r) => ({ type: r.type, topic: r.topic, ...(r.envelope as { correlationId: string; payload: Record<string, unknown> }) })),
  );

beforeAll(async () => {
  await isolateRegion(REGION);
  await isolateRegion(NOBODY);
});
afterAll(async () => {
  await isolateRegion(REGION);
  await isolateRegion(NOBODY);
});

describe('createInterest', () => {
  it('matches the covering salesman with the fewest open consultations, stores it, and does not add to their load', async () => {
    const [project, customer] = await Promise.all([makeProject('planned'), makeCustomer(REGION)]);
    await makeSalesman([REGION], 3); // busy: not chosen
    const [a, b] = [await makeSalesman([REGION], 1), await makeSalesman([REGION], 1)].sort((x, y) => x.id.localeCompare(y.id));

    const { interest, salesman } = await createInterest({ viewer: asCustomer(customer), input: { projectId: project.id } });
    expect(salesman?.id).toBe(a!.id); // tie on load: lowest id
    expect((await db.interest.findUniqueOrThrow({ where: { id: interest.id } })).salesmanId).toBe(a!.id);
    const loads = await db.salesman.findMany({ where: { id: { in: [a!.id, b!.id] } }, select: { openConsultations: true } });
    expect(loads.map((l) => l.openConsultations)).toEqual([1, 1]);

    const events = await eventsOf(interest.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'InterestCreated',
      topic: expect.stringMatching(/sales\.interests$/),
      correlationId: interest.correlationId,
      payload: { interestId: interest.id, customerId: customer.id, phone: customer.phone, projectId: project.id, projectName: project.name, salesmanId: a!.id, interested: true },
    });
  });

  it('keeps the interest without a salesman when nobody covers the region, and matches once someone does', async () => {
    const [project, customer] = await Promise.all([makeProject(), makeCustomer(NOBODY)]);
    const viewer = asCustomer(customer);
    const { interest, salesman } = await createInterest({ viewer, input: { projectId: project.id } });
    expect(salesman).toBeNull();
    expect((await eventsOf(interest.id))[0]?.payload.salesmanId).toBeNull();

    await updateInterest({ viewer, input: { interestId: interest.id, interested: false } });
    const newcomer = await makeSalesman([NOBODY]);
    await updateInterest({ viewer, input: { interestId: interest.id, interested: true } });
    expect((await db.interest.findUniqueOrThrow({ where: { id: interest.id } })).salesmanId).toBe(newcomer.id);
    expect((await eventsOf(interest.id)).map((e) => [e.type, e.payload.salesmanId])).toEqual([
      ['InterestCreated', null],
      ['InterestUpdated', null],
      ['InterestUpdated', newcomer.id],
    ]);
  });

  it('refuses a second interest in the same project, also when two requests race', async () => {
    const [project, customer] = await Promise.all([makeProject(), makeCustomer(REGION), makeSalesman([REGION])]);
    const viewer = asCustomer(customer);
    const results = await Promise.allSettled([1, 2, 3].map(() => createInterest({ viewer, input: { projectId: project.id } })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as AppError).code).toBe('CONFLICT');
    expect(await db.interest.count({ where: { customerId: customer.id, projectId: project.id } })).toBe(1);
    expect(await db.outboxEvent.count({ where: { type: 'InterestCreated', envelope: { path: ['payload', 'customerId'], equals: customer.id } } })).toBe(1);
    expect((await refusal(createInterest({ viewer, input: { projectId: project.id } }))).message).toMatch(/already follow/);
  });

  it('refuses other roles, unknown and ended projects, and bad input, writing nothing', async () => {
    const [project, ended, customer] = await Promise.all([makeProject(), makeProject('ended'), makeCustomer(REGION)]);
    const before = await db.outboxEvent.count();
    expect((await refusal(createInterest({ viewer: { role: 'staff', name: 'Staff' }, input: { projectId: project.id } }))).code).toBe('FORBIDDEN');
    expect((await refusal(createInterest({ viewer: { role: 'salesman', salesmanId: customer.id, name: 'x' }, input: { projectId: project.id } }))).code).toBe('FORBIDDEN');
    const gone = await refusal(createInterest({ viewer: asCustomer(customer), input: { projectId: ended.id } }));
    expect([gone.code, gone.fieldErrors?.projectId]).toEqual(['INVALID', ['This project has ended']]);
    expect((await refusal(createInterest({ viewer: asCustomer(customer), input: { projectId: customer.id } }))).code).toBe('INVALID');
    expect((await refusal(createInterest({ viewer: asCustomer(customer), input: { projectId: 'nope' } }))).fieldErrors?.projectId).toBeDefined();
    expect(await db.outboxEvent.count()).toBe(before);
    expect(await db.interest.count({ where: { customerId: customer.id } })).toBe(0);
  });
});

describe('updateInterest', () => {
  it('switches off and on with one InterestUpdated each; setting the same value again emits nothing', async () => {
    const [project, customer] = await Promise.all([makeProject(), makeCustomer(REGION), makeSalesman([REGION])]);
    const viewer = asCustomer(customer);
    const { interest } = await createInterest({ viewer, input: { projectId: project.id } });

    const off = await updateInterest({ viewer, input: { interestId: interest.id, interested: 'false' } });
    expect([off.changed, off.interest.interested]).toEqual([true, false]);
    expect((await updateInterest({ viewer, input: { interestId: interest.id, interested: false } })).changed).toBe(false);
    await updateInterest({ viewer, input: { interestId: interest.id, interested: true } });

    const events = await eventsOf(interest.id);
    expect(events.map((e) => [e.type, e.payload.interested, e.payload.previouslyInterested])).toEqual([
      ['InterestCreated', true, undefined],
      ['InterestUpdated', false, true],
      ['InterestUpdated', true, false],
    ]);
    // One chain per interest: every event carries the interest's correlation id.
    expect(new Set(events.map((e) => e.correlationId))).toEqual(new Set([interest.correlationId]));
    expect((await db.interest.findUniqueOrThrow({ where: { id: interest.id } })).version).toBe(3);
  });

  it("lets nobody change another customer's interest: it answers NOT_FOUND and nothing changes", async () => {
    const [project, owner, intruder] = await Promise.all([makeProject(), makeCustomer(REGION), makeCustomer(REGION), makeSalesman([REGION])]);
    const { interest } = await createInterest({ viewer: asCustomer(owner), input: { projectId: project.id } });

    const e = await refusal(updateInterest({ viewer: asCustomer(intruder), input: { interestId: interest.id, interested: false } }));
    expect([e.code, e.message]).toEqual(['NOT_FOUND', 'No such interest among yours.']);
    expect((await refusal(updateInterest({ viewer: { role: 'staff', name: 'Staff' }, input: { interestId: interest.id, interested: false } }))).code).toBe('FORBIDDEN');
    expect((await refusal(updateInterest({ viewer: asCustomer(owner), input: { interestId: interest.id, interested: 'maybe' } }))).fieldErrors?.interested).toBeDefined();
    // The toggle names a project, so an intruder can only ever reach their own interest in it.
    await setInterest({ viewer: asCustomer(intruder), input: { projectId: project.id, interested: false } });

    expect((await db.interest.findUniqueOrThrow({ where: { id: interest.id } })).interested).toBe(true);
    expect(await db.interest.count({ where: { customerId: intruder.id } })).toBe(0);
    expect((await eventsOf(interest.id)).map((x) => x.type)).toEqual(['InterestCreated']);
  });

  it('refuses to switch an interest back on once the project has ended, but lets it be switched off', async () => {
    const [project, customer] = await Promise.all([makeProject(), makeCustomer(REGION), makeSalesman([REGION])]);
    const viewer = asCustomer(customer);
    const { interest } = await createInterest({ viewer, input: { projectId: project.id } });
    await db.project.update({ where: { id: project.id }, data: { status: 'ended' } });
    await updateInterest({ viewer, input: { interestId: interest.id, interested: false } });
    expect((await refusal(updateInterest({ viewer, input: { interestId: interest.id, interested: true } }))).message).toMatch(/has ended/);
  });
});

describe('setInterest (the page toggle)', () => {
  it('creates the interest the first time and updates it afterwards', async () => {
    const [project, customer] = await Promise.all([makeProject(), makeCustomer(REGION), makeSalesman([REGION])]);
    const viewer = asCustomer(customer);
    expect(await setInterest({ viewer, input: { projectId: project.id, interested: 'false' } })).toMatchObject({ changed: false, interestId: null });
    const on = await setInterest({ viewer, input: { projectId: project.id, interested: 'true' } });
    const off = await setInterest({ viewer, input: { projectId: project.id, interested: 'false' } });
    expect(off.interestId).toBe(on.interestId);
    expect((await eventsOf(on.interestId!)).map((e) => e.type)).toEqual(['InterestCreated', 'InterestUpdated']);
  });
});
