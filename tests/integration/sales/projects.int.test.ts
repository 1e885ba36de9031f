// The four project commands against the real database: each writes exactly its
// own event in the same transaction, and every illegal move is refused with a
// clear message and writes nothing.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/platform/db';
import { AppError } from '@/lib/platform/errors';
import { createProject } from '@/lib/sales/projects/create-project';
import { todayInKorea } from '@/lib/sales/projects/dates';
import { editProject } from '@/lib/sales/projects/edit-project';
import { endProject } from '@/lib/sales/projects/end-project';
import { startProject } from '@/lib/sales/projects/start-project';
import type { Viewer } from '@/lib/platform/session/viewer';

const staff: Viewer = { role: 'staff', name: 'Staff' };
const fields = (extra: Record<string, unknown> = {}) => ({
  name: `통합테스트 사업 ${randomUUID().slice(0, 8)}`, year: 2026, scale: '3,000,000,000', target: '중소기업',
  host: '테스트청', summary: '통합 테스트용 사업입니다.', link: 'https://example.kr/p', expStartDate: '2026-03-01', ...extra,
});

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

/** The events written for one project, oldest first, as (type, payload). */
async function eventsOf(projectId: string) {
  const rows = await db.outboxEvent.findMany({ where: { key: projectId }, orderBy: { id: 'asc' } });
  return rows.map((r) => ({ type: r.type, envelope: r.envelope as { correlationId: string; causationId: string | null; payload: Record<string, unknown> } }));
}

describe('project commands', () => {
  it('create, edit, start and end each write exactly their own event with the full snapshot', async () => {
    const created = await createProject({ viewer: staff, input: fields() });
    const id = created.project.projectId;
    expect(created.project).toMatchObject({ status: 'planned', scale: '3000000000', startDate: null, expStartDate: '2026-03-01' });

    const edited = await editProject({ viewer: staff, input: { projectId: id, summary: '요약을 고쳤습니다.', scale: '3,500,000,000' } });
    expect(edited.changed).toEqual(['scale', 'summary']);
    const started = await startProject({ viewer: staff, input: { projectId: id, startDate: '2026-03-02' } });
    expect(started.project).toMatchObject({ status: 'ongoing', startDate: '2026-03-02', summary: '요약을 고쳤습니다.' });
    const ended = await endProject({ viewer: staff, input: { projectId: id } });
    expect(ended.project).toMatchObject({ status: 'ended', endDate: todayInKorea() });

    const events = await eventsOf(id);
    expect(events.map((e) => e.type)).toEqual(['ProjectCreated', 'ProjectEdited', 'ProjectStarted', 'ProjectEnded']);
    expect(events[1]!.envelope.payload).toMatchObject({ changed: ['scale', 'summary'], scale: '3500000000', status: 'planned' });
    expect(events[2]!.envelope.payload).toMatchObject({ status: 'ongoing', startDate: '2026-03-02' });
    expect(events[3]!.envelope.payload).toMatchObject({ status: 'ended', endDate: todayInKorea(), name: created.project.name });
    expect(events.every((e) => e.envelope.causationId === null)).toBe(true);
    expect((await db.project.findUniqueOrThrow({ where: { id } })).status).toBe('ended');
  });

  it('an edit that changes nothing writes no event; the API correlation id is carried', async () => {
    const { project } = await createProject({ viewer: staff, input: fields(), correlationId: '0190a1b2-0000-7000-8000-000000000001' });
    const same = await editProject({ viewer: staff, input: { projectId: project.projectId, name: project.name, summary: project.summary } });
    expect(same).toMatchObject({ changed: [], eventId: null });
    const events = await eventsOf(project.projectId);
    expect(events.map((e) => e.type)).toEqual(['ProjectCreated']);
    expect(events[0]!.envelope.correlationId).toBe('0190a1b2-0000-7000-8000-000000000001');
  });

  it('refuses illegal transitions with a clear message and writes nothing', async () => {
    const { project } = await createProject({ viewer: staff, input: fields() });
    const id = project.projectId;
    const label = `${project.name} (2026)`;

    const early = await refusal(endProject({ viewer: staff, input: { projectId: id } }));
    expect([early.code, early.message]).toEqual(['CONFLICT', `${label} has not started yet; start it before ending it.`]);
    await startProject({ viewer: staff, input: { projectId: id } });
    const twice = await refusal(startProject({ viewer: staff, input: { projectId: id } }));
    expect([twice.code, twice.message]).toEqual(['CONFLICT', `${label} is already ongoing; it can only be ended now.`]);
    await endProject({ viewer: staff, input: { projectId: id } });
    expect((await refusal(startProject({ viewer: staff, input: { projectId: id } }))).message).toMatch(/has ended; an ended project cannot be started again/);
    expect((await refusal(endProject({ viewer: staff, input: { projectId: id } }))).message).toBe(`${label} has already ended.`);
    const edit = await refusal(editProject({ viewer: staff, input: { projectId: id, summary: '늦은 수정' } }));
    expect([edit.code, edit.message]).toEqual(['CONFLICT', `${label} has ended and can no longer be edited; edit next year's project instead.`]);

    expect((await eventsOf(id)).map((e) => e.type)).toEqual(['ProjectCreated', 'ProjectStarted', 'ProjectEnded']);
  });

  it('two simultaneous starts: one wins, the other is refused, one ProjectStarted', async () => {
    const { project } = await createProject({ viewer: staff, input: fields() });
    const results = await Promise.allSettled([1, 2, 3].map(() => startProject({ viewer: staff, input: { projectId: project.projectId } })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.map((r) => (r.reason as AppError).code)).toEqual(['CONFLICT', 'CONFLICT']);
    expect((await eventsOf(project.projectId)).filter((e) => e.type === 'ProjectStarted')).toHaveLength(1);
  });

  it('refuses bad input field by field, a duplicate name and year, dates out of order or in the future', async () => {
    const bad = await refusal(createProject({ viewer: staff, input: fields({ name: '', scale: '-1', link: 'not a url' }) }));
    expect([bad.code, Object.keys(bad.fieldErrors ?? {}).sort()]).toEqual(['INVALID', ['link', 'name', 'scale']]);

    const { project } = await createProject({ viewer: staff, input: fields({ startDate: '2026-03-02', endDate: '2026-06-30' }) });
    const dup = await refusal(createProject({ viewer: staff, input: fields({ name: project.name }) }));
    expect([dup.code, dup.message]).toEqual(['CONFLICT', `${project.name} (2026) already exists.`]);
    expect(dup.fieldErrors?.name).toBeDefined();
    const other = await createProject({ viewer: staff, input: fields() });
    const rename = await refusal(editProject({ viewer: staff, input: { projectId: other.project.projectId, name: project.name } }));
    expect(rename.code).toBe('CONFLICT');

    const order = await refusal(editProject({ viewer: staff, input: { projectId: project.projectId, endDate: '2026-01-01' } }));
    expect(order.fieldErrors?.endDate?.[0]).toMatch(/cannot be before the start date \(2026-03-02\)/);
    await startProject({ viewer: staff, input: { projectId: project.projectId, startDate: '2026-03-02' } });
    const cleared = await refusal(editProject({ viewer: staff, input: { projectId: project.projectId, startDate: '' } }));
    expect(cleared.fieldErrors?.startDate?.[0]).toMatch(/keeps its start date/);
    const future = await refusal(startProject({ viewer: staff, input: { projectId: other.project.projectId, startDate: '2099-01-01' } }));
    expect(future.fieldErrors?.startDate?.[0]).toMatch(/Enter today/);
    const short = await createProject({ viewer: staff, input: fields({ startDate: '2026-03-02', endDate: '2026-06-30' }) });
    const afterEnd = await refusal(startProject({ viewer: staff, input: { projectId: short.project.projectId, startDate: '2026-07-01' } }));
    expect(afterEnd.fieldErrors?.startDate?.[0]).toMatch(/cannot be after the end date \(2026-06-30\)/);

    expect((await eventsOf(project.projectId)).map((e) => e.type)).toEqual(['ProjectCreated', 'ProjectStarted']);
    expect((await eventsOf(other.project.projectId)).map((e) => e.type)).toEqual(['ProjectCreated']);
    expect((await eventsOf(short.project.projectId)).map((e) => e.type)).toEqual(['ProjectCreated']);
  });

  it('refuses every command to anyone but staff, before touching anything', async () => {
    const { project } = await createProject({ viewer: staff, input: fields() });
    const customer: Viewer = { role: 'customer', customerId: randomUUID(), name: '고객' };
    const salesman: Viewer = { role: 'salesman', salesmanId: randomUUID(), name: '영업' };
    const before = await db.outboxEvent.count();
    for (const viewer of [customer, salesman, null]) {
      expect((await refusal(createProject({ viewer, input: fields() }))).code).toBe('FORBIDDEN');
      expect((await refusal(editProject({ viewer, input: { projectId: project.projectId, summary: '몰래 수정' } }))).code).toBe('FORBIDDEN');
      expect((await refusal(startProject({ viewer, input: { projectId: project.projectId } }))).message).toBe('Only staff can start a project.');
      expect((await refusal(endProject({ viewer, input: { projectId: project.projectId } }))).code).toBe('FORBIDDEN');
    }
    expect(await db.outboxEvent.count()).toBe(before);
    expect((await db.project.findUniqueOrThrow({ where: { id: project.projectId } })).status).toBe('planned');
  });

  it('answers NOT_FOUND for an unknown project', async () => {
    expect((await refusal(startProject({ viewer: staff, input: { projectId: randomUUID() } }))).code).toBe('NOT_FOUND');
  });
});
