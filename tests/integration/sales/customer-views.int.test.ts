// The customer's read models (ProjectView, CustomerProjectView) follow the
// project and interest events through the projection worker, also when an
// interest arrives before its project's first event, and a redelivered old
// event never rolls a row back (exactly once).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/platform/db';
import { createInterest } from '@/lib/sales/interests/create-interest';
import { customerInterestsView } from '@/lib/sales/interests/queries';
import { updateInterest } from '@/lib/sales/interests/update-interest';
import { createProject } from '@/lib/sales/projects/create-project';
import { editProject } from '@/lib/sales/projects/edit-project';
import { startProject } from '@/lib/sales/projects/start-project';
import type { Viewer } from '@/lib/platform/session/viewer';
import { isolateRegion, makeCustomer, makeProject, makeSalesman, spawnWorker, waitFor, type WorkerProcess } from '../helpers';
import { redeliver } from '../redeliver';

const REGION = '충남';
const staff: Viewer = { role: 'staff', name: 'Staff' };
const asCustomer = (c: { id: string; name: string }): Viewer => ({ role: 'customer', customerId: c.id, name: c.name });
let relay: WorkerProcess;
let projection: WorkerProcess;

beforeAll(async () => {
  await isolateRegion(REGION);
  await makeSalesman([REGION]);
  relay = spawnWorker('platform-outbox-relay');
  projection = spawnWorker('sales-projection-worker');
  await Promise.all([relay.ready, projection.ready]);
});
afterAll(async () => {
  await Promise.all([relay.stop(), projection.stop()]);
});

const view = (customerId: string, projectId: string) =>
  db.customerProjectView.findUnique({ where: { customerId_projectId: { customerId, projectId } } });
const day = (d: Date | null | undefined) => d?.toISOString().slice(0, 10) ?? null;

describe('customer project views', () => {
  it('follow creation, interest on/off, edits and the start, for each customer separately', async () => {
    const name = `관심 테스트 사업 ${randomUUID().slice(0, 8)}`;
    const { project } = await createProject({
      viewer: staff,
      input: { name, year: 2026, scale: '1,000,000,000', target: '중소기업', host: '테스트청', summary: '뷰 테스트', expStartDate: '2026-04-01' },
    });
    const [fan, quitter] = await Promise.all([makeCustomer(REGION), makeCustomer(REGION)]);
    await createInterest({ viewer: asCustomer(fan), input: { projectId: project.projectId } });
    const q = await createInterest({ viewer: asCustomer(quitter), input: { projectId: project.projectId } });
    await updateInterest({ viewer: asCustomer(quitter), input: { interestId: q.interest.id, interested: false } });

    await waitFor(async () => (await view(quitter.id, project.projectId))?.interested === false, 30_000, 'both interests in the view');
    expect(await view(fan.id, project.projectId)).toMatchObject({ projectName: name, year: 2026, host: '테스트청', status: 'planned', interested: true });
    expect(day((await view(fan.id, project.projectId))?.expStartDate)).toBe('2026-04-01');

    await editProject({ viewer: staff, input: { projectId: project.projectId, host: '새 주관기관' } });
    await startProject({ viewer: staff, input: { projectId: project.projectId, startDate: '2026-04-02' } });
    const started = await waitFor(async () => {
      const v = await view(fan.id, project.projectId);
      return v?.status === 'ongoing' ? v : null;
    }, 30_000, 'the start in the view');
    expect(started).toMatchObject({ host: '새 주관기관', interested: true });
    expect(day(started!.startDate)).toBe('2026-04-02');
    expect(await view(quitter.id, project.projectId)).toMatchObject({ status: 'ongoing', interested: false });
    expect(await db.projectView.findUnique({ where: { projectId: project.projectId } })).toMatchObject({ name, status: 'ongoing', host: '새 주관기관' });

    // What the page shows each of them, read from the views only.
    const fanPage = await customerInterestsView(fan.id);
    expect(fanPage.myInterests.map((p) => p.projectId)).toContain(project.projectId);
    expect(fanPage.openProjects.find((p) => p.projectId === project.projectId)).toMatchObject({ interested: true, status: 'ongoing' });
    const quitterPage = await customerInterestsView(quitter.id);
    expect(quitterPage.myInterests.map((p) => p.projectId)).not.toContain(project.projectId);
    expect(quitterPage.openProjects.find((p) => p.projectId === project.projectId)).toMatchObject({ interested: false });

    // Redelivered old events (the quitter's InterestCreated: interested; the ProjectCreated: planned)
    // are skipped, not re-applied: the views keep the newer state.
    const oldEvents = await db.outboxEvent.findMany({
      where: { OR: [{ key: q.interest.id, type: 'InterestCreated' }, { key: project.projectId, type: 'ProjectCreated' }] },
    });
    expect(oldEvents).toHaveLength(2);
    for (const e of oldEvents) await redeliver(e.eventId, 'sales-projection-worker');
    expect(await view(quitter.id, project.projectId)).toMatchObject({ status: 'ongoing', interested: false });
    expect(await view(fan.id, project.projectId)).toMatchObject({ status: 'ongoing', interested: true });
    expect(await db.projectView.findUnique({ where: { projectId: project.projectId } })).toMatchObject({ status: 'ongoing' });
  });

  it('keeps an interest that arrives before its project, and fills the details in from the next project event', async () => {
    const project = await makeProject('planned'); // made without any event, so ProjectView has never heard of it
    const customer = await makeCustomer(REGION);
    await createInterest({ viewer: asCustomer(customer), input: { projectId: project.id } });
    const pending = await waitFor(() => view(customer.id, project.id), 30_000, 'the interest in the view');
    expect(pending).toMatchObject({ projectName: project.name, year: 0, interested: true });
    expect((await customerInterestsView(customer.id)).myInterests.find((p) => p.projectId === project.id)?.detailsPending).toBe(true);

    await editProject({ viewer: staff, input: { projectId: project.id, expStartDate: '2026-09-01' } });
    const filled = await waitFor(async () => {
      const v = await view(customer.id, project.id);
      return v?.year === 2026 ? v : null;
    }, 30_000, 'the project details in the view');
    expect(filled).toMatchObject({ host: project.host, status: 'planned', interested: true });
    expect(day(filled!.expStartDate)).toBe('2026-09-01');
  });
});
