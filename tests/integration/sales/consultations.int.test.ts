// Creating and moving consultations against the real database: synchronous
// matching, all-or-nothing writes, outbox rows, and the refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeConsultationStep } from '@/lib/sales/consultations/change-step';
import { createConsultation } from '@/lib/sales/consultations/create-consultation';
import { db } from '@/lib/platform/db';
import { AppError } from '@/lib/platform/errors';
import { isolateRegion, makeCustomer, makeProject, makeSalesman, requestFor } from '../helpers';

const REGION = '세종'; // this file's own region: no other test matches here
let project: Awaited<ReturnType<typeof makeProject>>;
let customer: Awaited<ReturnType<typeof makeCustomer>>;

beforeAll(async () => {
  await isolateRegion(REGION);
  await isolateRegion('제주');
  project = await makeProject();
  customer = await makeCustomer(REGION);
});
afterAll(() => isolateRegion(REGION));

const create = (region = REGION, extra = {}) =>
  createConsultation({ customerId: customer.id, input: requestFor(project.id, region, extra) });

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('createConsultation', () => {
  it('matches the covering salesman with the fewest open consultations, ties to the lowest id', async () => {
    const busy = await makeSalesman([REGION], 2);
    const [a, b] = [await makeSalesman([REGION, '충북']), await makeSalesman([REGION])].sort((x, y) => x.id.localeCompare(y.id));
    const picks = [];
    for (let i = 0; i < 4; i++) picks.push((await create()).salesman.id);
    // a and b start at 0: a (lower id), then b, then a and b again; busy (2 open) waits its turn.
    expect(picks).toEqual([a!.id, b!.id, a!.id, b!.id]);
    const counts = await db.salesman.findMany({ where: { id: { in: [a!.id, b!.id, busy.id] } }, select: { id: true, openConsultations: true } });
    expect(Object.fromEntries(counts.map((c) => [c.id, c.openConsultations]))).toEqual({ [a!.id]: 2, [b!.id]: 2, [busy.id]: 2 });
  });

  it('writes the consultation and its ConsultationCreated event in one transaction', async () => {
    const { consultation, salesman } = await create(REGION, { phone: '01099998888' });
    expect(consultation.phone).toBe('010-9999-8888');
    const row = await db.outboxEvent.findFirstOrThrow({
      where: { type: 'ConsultationCreated', envelope: { path: ['payload', 'consultationId'], equals: consultation.id } },
    });
    const env = row.envelope as { correlationId: string; payload: { salesmanId: string } };
    expect(row.key).toBe(consultation.id);
    expect(env.correlationId).toBe(consultation.correlationId);
    expect(env.payload.salesmanId).toBe(salesman.id);
  });

  it('refuses when nobody covers the region and writes nothing', async () => {
    const before = await Promise.all([db.consultation.count(), db.outboxEvent.count()]);
    const e = await refusal(create('제주'));
    expect(e.code).toBe('UNAVAILABLE');
    expect(e.message).toMatch(/No salesman covers 제주/);
    expect(e.fieldErrors?.region).toBeDefined();
    expect(await Promise.all([db.consultation.count(), db.outboxEvent.count()])).toEqual(before);
  });

  it('refuses invalid input field by field, an ended project, and an unknown customer', async () => {
    const bad = await refusal(createConsultation({ customerId: customer.id, input: { ...requestFor(project.id, REGION), phone: '12', message: '' } }));
    expect(bad.code).toBe('INVALID');
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(['message', 'phone']);
    const ended = await makeProject('ended');
    expect((await refusal(createConsultation({ customerId: customer.id, input: requestFor(ended.id, REGION) }))).fieldErrors?.projectId).toBeDefined();
    expect((await refusal(createConsultation({ customerId: ended.id, input: requestFor(project.id, REGION) }))).code).toBe('FORBIDDEN');
  });
});

describe('changeConsultationStep', () => {
  it('lets only the matched salesman accept, then refuses illegal moves and keeps the open count right', async () => {
    const { consultation, salesman } = await create();
    const other = await makeSalesman(['충북']);
    const as = (id: string) => ({ role: 'salesman' as const, salesmanId: id, name: 'x' });
    const move = (who: string, step: string) => changeConsultationStep({ viewer: as(who), input: { consultationId: consultation.id, step } });

    expect((await refusal(move(other.id, 'accepted'))).code).toBe('NOT_FOUND');
    expect((await refusal(changeConsultationStep({ viewer: { role: 'customer', customerId: customer.id, name: 'x' }, input: { consultationId: consultation.id, step: 'accepted' } }))).code).toBe('FORBIDDEN');
    const openBefore = (await db.salesman.findUniqueOrThrow({ where: { id: salesman.id } })).openConsultations;

    expect((await move(salesman.id, 'accepted')).step).toBe('accepted');
    const illegal = await refusal(move(salesman.id, 'success'));
    expect(illegal.code).toBe('CONFLICT');
    expect(illegal.message).toMatch(/only move to in progress/);
    await move(salesman.id, 'in_progress');
    await move(salesman.id, 'fail');
    expect((await refusal(move(salesman.id, 'success'))).message).toMatch(/cannot change any more/);

    expect((await db.salesman.findUniqueOrThrow({ where: { id: salesman.id } })).openConsultations).toBe(openBefore - 1);
    const edits = await db.outboxEvent.findMany({
      where: { type: 'ConsultationEdited', envelope: { path: ['payload', 'consultationId'], equals: consultation.id } },
      orderBy: { id: 'asc' },
    });
    expect(edits.map((e) => (e.envelope as { payload: { step: string } }).payload.step)).toEqual(['accepted', 'in_progress', 'fail']);
  });

  it('rejecting frees the salesman at once', async () => {
    const { consultation, salesman } = await create();
    const before = (await db.salesman.findUniqueOrThrow({ where: { id: salesman.id } })).openConsultations;
    await changeConsultationStep({ viewer: { role: 'salesman', salesmanId: salesman.id, name: 'x' }, input: { consultationId: consultation.id, step: 'canceled' } });
    expect((await db.consultation.findUniqueOrThrow({ where: { id: consultation.id } })).step).toBe('canceled');
    expect((await db.salesman.findUniqueOrThrow({ where: { id: salesman.id } })).openConsultations).toBe(before - 1);
  });
});
