import { describe, expect, it } from 'vitest';
import type { SalesEvent } from '../../platform/events/catalog';
import { addressAlarm, alarmHandler } from './from-event';

const base = { eventId: '0190a000-0000-7000-8000-0000000000e1', version: 1, occurredAt: '2026-11-21T10:15:42.123Z', correlationId: '0190a000-0000-7000-8000-0000000000c1', causationId: null };
const projectId = '0190a000-0000-7000-8000-000000000001';
const salesmanId = '0190a000-0000-7000-8000-0000000000d1';
const everyone = [salesmanId, '0190a000-0000-7000-8000-0000000000d2'];
const project = { projectId, name: '스마트공장', year: 2026, scale: '500000000', target: '중소기업', host: '중소벤처기업부', summary: '', link: null, status: 'planned', startDate: null, endDate: null, expStartDate: null };
const interest = { interestId: '0190a000-0000-7000-8000-0000000000f1', customerId: '0190a000-0000-7000-8000-0000000000b1', customerName: '김민준', phone: '010-1234-5678', projectId, projectName: '스마트공장', interested: true };
const ev = (e: object) => ({ ...base, ...e }) as SalesEvent;

describe('addressAlarm', () => {
  it('sends project news to every active salesman', () => {
    expect(addressAlarm(ev({ type: 'ProjectCreated', payload: project }), everyone).salesmanIds).toEqual(everyone);
  });

  it('sends an interest alarm only to the matched salesman, and none when nobody was matched', () => {
    expect(addressAlarm(ev({ type: 'InterestCreated', payload: { ...interest, salesmanId } }), everyone).salesmanIds).toEqual([salesmanId]);
    expect(addressAlarm(ev({ type: 'InterestCreated', payload: { ...interest, salesmanId: null } }), everyone).salesmanIds).toEqual([]);
  });

  it('links a consultation alarm to its consultation', () => {
    const a = addressAlarm(ev({ type: 'ConsultationCreated', payload: { consultationId: '0190a000-0000-7000-8000-0000000000a1', projectId, projectName: '스마트공장', customerId: interest.customerId, salesmanId, contactName: '홍길동', company: '길동상회', region: '서울', step: 'requested' } }), everyone);
    expect(a).toMatchObject({ salesmanIds: [salesmanId], consultationId: '0190a000-0000-7000-8000-0000000000a1' });
  });

  it('is registered for all eight sales-desk events', () => {
    expect(alarmHandler.types.size).toBe(8);
  });
});
