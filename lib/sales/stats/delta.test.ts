import { describe, expect, it } from 'vitest';
import type { SalesEvent } from '../../platform/events/catalog';
import { conversionRate, formatConversion, mergeDeltas, minuteOf, statsDelta, type StatsDelta } from './delta';

const projectId = '0190a000-0000-7000-8000-000000000001';
const base = { eventId: '0190a000-0000-7000-8000-0000000000e1', version: 1, occurredAt: '2026-11-21T10:15:42.123Z', correlationId: '0190a000-0000-7000-8000-0000000000c1', causationId: null };
const consultation = {
  consultationId: '0190a000-0000-7000-8000-0000000000a1', projectId, projectName: '스마트공장', customerId: '0190a000-0000-7000-8000-0000000000b1',
  salesmanId: '0190a000-0000-7000-8000-0000000000d1', contactName: '홍길동',
};
const interest = {
  interestId: '0190a000-0000-7000-8000-0000000000f1', customerId: consultation.customerId, customerName: '김민준', phone: '010-1234-5678',
  projectId, projectName: '스마트공장', salesmanId: null,
};
const ev = (e: Omit<SalesEvent, keyof typeof base>) => ({ ...base, ...e }) as SalesEvent;
const edited = (previousStep: string, step: string) =>
  ev({ type: 'ConsultationEdited', payload: { ...consultation, previousStep, step, editedBy: 'salesman' } } as never);

describe('statsDelta', () => {
  it('counts a new consultation as requested and in its minute', () => {
    const d = statsDelta(ev({ type: 'ConsultationCreated', payload: { ...consultation, step: 'requested', company: '길동상회', region: '서울' } } as never));
    expect(d).toEqual({
      projectId, projectName: '스마트공장', namesProject: false, counters: { requested: 1 },
      bucket: { minute: new Date('2026-11-21T10:15:00.000Z'), interests: 0, consultations: 1 },
    });
  });

  it('moves one consultation from its previous step to the new one', () => {
    expect(statsDelta(edited('accepted', 'in_progress')).counters).toEqual({ accepted: -1, inProgress: 1 });
    expect(statsDelta(edited('in_progress', 'success')).counters).toEqual({ inProgress: -1, success: 1 });
    expect(statsDelta(edited('requested', 'canceled')).counters).toEqual({ requested: -1, canceled: 1 });
    expect(statsDelta(edited('accepted', 'in_progress')).bucket).toBeUndefined(); // only new consultations go on the chart
  });

  it('counts an acceptance once in everAccepted, the conversion base', () => {
    expect(statsDelta(edited('requested', 'accepted')).counters).toEqual({ requested: -1, accepted: 1, everAccepted: 1 });
    expect(statsDelta(edited('in_progress', 'fail')).counters).not.toHaveProperty('everAccepted');
  });

  it('changes nothing when the customer edits the request without a step move', () => {
    expect(statsDelta(edited('requested', 'requested')).counters).toEqual({});
  });

  it('counts interests on and off, with the net change in the bucket', () => {
    const created = statsDelta(ev({ type: 'InterestCreated', payload: { ...interest, interested: true } } as never));
    expect(created.counters).toEqual({ interested: 1 });
    expect(created.bucket?.interests).toBe(1);
    const off = statsDelta(ev({ type: 'InterestUpdated', payload: { ...interest, interested: false, previouslyInterested: true } } as never));
    expect(off.counters).toEqual({ interested: -1 });
    expect(off.bucket?.interests).toBe(-1);
    const same = statsDelta(ev({ type: 'InterestUpdated', payload: { ...interest, interested: true, previouslyInterested: true } } as never));
    expect(same.counters).toEqual({});
    expect(same.bucket).toBeUndefined();
    const createdOff = statsDelta(ev({ type: 'InterestCreated', payload: { ...interest, interested: false } } as never));
    expect(createdOff.counters).toEqual({});
  });

  it('takes only the name and year from project events', () => {
    const d = statsDelta(ev({
      type: 'ProjectEdited',
      payload: { projectId, name: '새 이름', year: 2026, scale: '100', target: 't', host: 'h', summary: 's', link: null, startDate: null, endDate: null, expStartDate: null, status: 'planned', changed: ['name'] },
    } as never));
    expect(d).toEqual({ projectId, projectName: '새 이름 (2026)', namesProject: true, counters: {} });
  });
});

describe('conversion', () => {
  it('is success over ever-accepted, and "—" when nothing was accepted', () => {
    expect(conversionRate({ success: 1, everAccepted: 4 })).toBe(0.25);
    expect(formatConversion(conversionRate({ success: 1, everAccepted: 3 }))).toBe('33.3%');
    expect(conversionRate({ success: 0, everAccepted: 0 })).toBeNull();
    expect(formatConversion(null)).toBe('—');
  });

  it('buckets by the minute the event happened, in UTC', () => {
    expect(minuteOf('2026-11-21T23:59:59.999Z').toISOString()).toBe('2026-11-21T23:59:00.000Z');
  });
});

describe('mergeDeltas', () => {
  const other = '0190a000-0000-7000-8000-000000000002';
  const minute = (m: number) => new Date(Date.UTC(2026, 10, 21, 10, m));
  const d = (projectId: string, counters: StatsDelta['counters'], extra: Partial<StatsDelta> = {}): StatsDelta =>
    ({ projectId, projectName: '스마트공장', namesProject: false, counters, ...extra });

  it('sums counters per project and buckets per project and minute', () => {
    const { totals, buckets } = mergeDeltas([
      d(projectId, { requested: 1 }, { bucket: { minute: minute(1), interests: 0, consultations: 1 } }),
      d(other, { interested: 1 }, { bucket: { minute: minute(1), interests: 1, consultations: 0 } }),
      d(projectId, { requested: -1, accepted: 1, everAccepted: 1 }),
      d(projectId, { requested: 1 }, { bucket: { minute: minute(1), interests: 0, consultations: 1 } }),
      d(projectId, { requested: 1 }, { bucket: { minute: minute(2), interests: 0, consultations: 1 } }),
    ]);
    expect(totals).toEqual([
      { projectId, projectName: '스마트공장', namesProject: false, counters: { requested: 2, accepted: 1, everAccepted: 1 } },
      { projectId: other, projectName: '스마트공장', namesProject: false, counters: { interested: 1 } },
    ]);
    expect(buckets).toEqual([
      { projectId, minute: minute(1), interests: 0, consultations: 2 },
      { projectId: other, minute: minute(1), interests: 1, consultations: 0 },
      { projectId, minute: minute(2), interests: 0, consultations: 1 },
    ]);
  });

  it('keeps the name the last project event gave, not a later consultation’s copy', () => {
    const { totals } = mergeDeltas([
      d(projectId, {}, { projectName: '스마트공장 (2026)', namesProject: true }),
      d(projectId, { requested: 1 }, { projectName: '스마트공장' }),
      d(projectId, {}, { projectName: '스마트공장 2.0 (2026)', namesProject: true }),
      d(projectId, { requested: 1 }, { projectName: '스마트공장' }),
    ]);
    expect(totals).toEqual([{ projectId, projectName: '스마트공장 2.0 (2026)', namesProject: true, counters: { requested: 2 } }]);
  });

  it('merges nothing into nothing', () => {
    expect(mergeDeltas([])).toEqual({ totals: [], buckets: [] });
  });
});
