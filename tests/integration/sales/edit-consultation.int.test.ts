// EditConsultation against the real database: the customer's edit and its event, and every refusal.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { changeConsultationStep } from '@/lib/sales/consultations/change-step';
import { createConsultation } from '@/lib/sales/consultations/create-consultation';
import { editConsultation } from '@/lib/sales/consultations/edit-consultation';
import { db } from '@/lib/platform/db';
import { AppError } from '@/lib/platform/errors';
import type { Viewer } from '@/lib/platform/session/viewer';
import { isolateRegion, makeCustomer, makeProject, makeSalesman, requestFor } from '../helpers';

const REGION = '광주'; // this file's own region
let project: Awaited<ReturnType<typeof makeProject>>;
let customer: Viewer & { role: 'customer' };
let salesman: Viewer & { role: 'salesman' };

beforeAll(async () => {
  await isolateRegion(REGION);
  project = await makeProject();
  const [c, s] = await Promise.all([makeCustomer(REGION), makeSalesman([REGION])]);
  customer = { role: 'customer', customerId: c.id, name: c.name };
  salesman = { role: 'salesman', salesmanId: s.id, name: s.name };
});
afterAll(() => isolateRegion(REGION));

const request = async () => (await createConsultation({ customerId: customer.customerId, input: requestFor(project.id, REGION) })).consultation;
const edits = (consultationId: string) =>
  db.outboxEvent.findMany({
    where: { type: 'ConsultationEdited', envelope: { path: ['payload', 'consultationId'], equals: consultationId } },
    orderBy: { id: 'asc' },
  });
async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('editConsultation', () => {
  it('saves the customer\'s change with one ConsultationEdited (editedBy customer, step unchanged) in the same transaction', async () => {
    const c = await request();
    const { consultation, changed } = await editConsultation({
      viewer: customer,
      input: { consultationId: c.id, expectedVersion: 1, contactName: c.contactName, phone: '01055556666', company: c.company, message: '  공장 방문 상담을 원합니다.  ' },
    });
    expect(changed).toEqual(['phone', 'message']);
    const row = await db.consultation.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ phone: '010-5555-6666', message: '공장 방문 상담을 원합니다.', step: 'requested', version: 2, salesmanId: c.salesmanId });
    expect(consultation.version).toBe(2);
    const [event, ...more] = await edits(c.id);
    expect(more).toEqual([]);
    const env = event!.envelope as { correlationId: string; payload: Record<string, unknown> };
    expect(env.correlationId).toBe(c.correlationId);
    expect(env.payload).toMatchObject({ editedBy: 'customer', step: 'requested', previousStep: 'requested', salesmanId: c.salesmanId, customerId: customer.customerId });
  });

  it('sends nothing when nothing changed', async () => {
    const c = await request();
    const { changed } = await editConsultation({ viewer: customer, input: { consultationId: c.id, contactName: c.contactName, phone: c.phone, company: c.company, message: c.message } });
    expect(changed).toEqual([]);
    expect(await edits(c.id)).toEqual([]);
    expect((await db.consultation.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(1);
  });

  it('is refused with a clear message once the salesman accepted, declined or closed it', async () => {
    for (const [steps, pattern] of [
      [['accepted'], /already accepted.*can no longer be edited/],
      [['accepted', 'in_progress'], /already accepted/],
      [['canceled'], /declined.*new request/],
      [['accepted', 'in_progress', 'success'], /finished/],
    ] as const) {
      const c = await request();
      for (const step of steps) await changeConsultationStep({ viewer: salesman, input: { consultationId: c.id, step } });
      const before = await db.consultation.findUniqueOrThrow({ where: { id: c.id } });
      const e = await refusal(editConsultation({ viewer: customer, input: { ...requestFor(project.id, REGION), consultationId: c.id, message: '수락 뒤에 바꾸려는 내용입니다.' } }));
      expect(e.code).toBe('CONFLICT');
      expect(e.message).toMatch(pattern);
      expect(await db.consultation.findUniqueOrThrow({ where: { id: c.id } })).toEqual(before);
      expect((await edits(c.id)).filter((x) => (x.envelope as { payload: { editedBy: string } }).payload.editedBy === 'customer')).toEqual([]);
    }
  });

  it('is refused for another customer (as missing), a salesman, staff, a stale version and invalid fields', async () => {
    const c = await request();
    const other = await makeCustomer(REGION);
    const input = { ...requestFor(project.id, REGION), consultationId: c.id, message: '다른 사람이 바꾸려는 내용입니다.' };
    expect((await refusal(editConsultation({ viewer: { role: 'customer', customerId: other.id, name: other.name }, input }))).code).toBe('NOT_FOUND');
    expect((await refusal(editConsultation({ viewer: salesman, input }))).code).toBe('FORBIDDEN');
    expect((await refusal(editConsultation({ viewer: { role: 'staff', name: 'x' }, input }))).code).toBe('FORBIDDEN');
    const stale = await refusal(editConsultation({ viewer: customer, input: { ...input, expectedVersion: 7 } }));
    expect([stale.code, stale.message]).toEqual(['CONFLICT', expect.stringMatching(/changed in another window/)]);
    const bad = await refusal(editConsultation({ viewer: customer, input: { ...input, phone: '02-123', message: 'x' } }));
    expect(bad.code).toBe('INVALID');
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(['message', 'phone']);
    expect((await db.consultation.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(1);
  });

  it('racing the salesman\'s accept: an edit is never applied after the acceptance', async () => {
    for (let i = 0; i < 5; i++) {
      const c = await request();
      const [edit, accept] = await Promise.allSettled([
        editConsultation({ viewer: customer, input: { ...requestFor(project.id, REGION), consultationId: c.id, message: `동시에 바꾸는 내용 ${i}번입니다.` } }),
        changeConsultationStep({ viewer: salesman, input: { consultationId: c.id, step: 'accepted' } }),
      ]);
      const events = (await edits(c.id)).map((e) => (e.envelope as { payload: { editedBy: string } }).payload.editedBy);
      if (edit.status === 'fulfilled') {
        // Then it committed first: the accept either saw the new version or was refused as changed meanwhile.
        expect(events[0]).toBe('customer');
      } else {
        expect((edit.reason as AppError).message).toMatch(/already accepted/);
        expect(events).toEqual(['salesman']);
      }
      if (accept.status === 'rejected') expect((accept.reason as AppError).code).toBe('CONFLICT');
    }
  });
});
