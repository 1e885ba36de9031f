import { describe, expect, it } from 'vitest';
import type { EventOf } from '../../platform/events/catalog';
import { consultationAlarmText, interestAlarmText, projectAlarmText } from './texts';

const envelope = { eventId: '00000000-0000-4000-8000-000000000001', version: 1, occurredAt: '2026-11-21T00:00:00.000Z', correlationId: '00000000-0000-4000-8000-000000000002', causationId: null };
const project = {
  projectId: '00000000-0000-4000-8000-000000000101', name: '스마트공장', year: 2026, scale: '30000000000', target: '제조기업',
  host: '중기부', summary: '지원', link: null, startDate: '2026-03-02', endDate: null, expStartDate: '2026-03-01', status: 'ongoing' as const,
};
const interest = {
  interestId: '00000000-0000-4000-8000-000000000401', customerId: '00000000-0000-4000-8000-000000000201', customerName: '김민준',
  phone: '010-2345-6789', projectId: project.projectId, projectName: '스마트공장', salesmanId: null, interested: true,
};

describe('alarm texts', () => {
  it('says what happened to a project, with the budget in won', () => {
    expect(projectAlarmText({ ...envelope, type: 'ProjectCreated', payload: project })).toEqual({
      title: 'New project · 스마트공장 (2026)',
      body: '중기부 · for 제조기업 · budget 30,000,000,000원 · expected to start 2026-03-01.',
    });
    expect(projectAlarmText({ ...envelope, type: 'ProjectEdited', payload: { ...project, changed: ['scale', 'expStartDate'] } }).body).toBe('Changed: budget, expected start.');
    expect(projectAlarmText({ ...envelope, type: 'ProjectStarted', payload: project }).title).toBe('Project started · 스마트공장 (2026)');
    expect(projectAlarmText({ ...envelope, type: 'ProjectEnded', payload: { ...project, endDate: '2026-12-18' } }).body).toMatch(/^Ended 2026-12-18\./);
  });

  it('tells an interest from its withdrawal', () => {
    const created = { ...envelope, type: 'InterestCreated', payload: interest } as EventOf<'InterestCreated'>;
    expect(interestAlarmText(created)).toEqual({ title: 'New interest · 스마트공장', body: '김민준 (010-2345-6789) is interested in 스마트공장.' });
    const off = { ...envelope, type: 'InterestUpdated', payload: { ...interest, interested: false, previouslyInterested: true } } as EventOf<'InterestUpdated'>;
    expect(interestAlarmText(off).title).toBe('Interest withdrawn · 스마트공장');
    expect(interestAlarmText({ ...off, payload: { ...off.payload, interested: true, previouslyInterested: false } }).title).toBe('Interest renewed · 스마트공장');
  });

  it('names the consultation step change', () => {
    const edited = {
      ...envelope, type: 'ConsultationEdited',
      payload: {
        consultationId: '00000000-0000-4000-8000-000000000501', projectId: project.projectId, projectName: '스마트공장',
        customerId: interest.customerId, salesmanId: '00000000-0000-4000-8000-000000000301', contactName: '홍길동',
        step: 'accepted', previousStep: 'requested', editedBy: 'salesman',
      },
    } as EventOf<'ConsultationEdited'>;
    expect(consultationAlarmText(edited)).toEqual({ title: 'Consultation accepted · 스마트공장', body: '홍길동: Requested → Accepted (by salesman).' });
  });

  it('calls a customer edit an edit, not a step change', () => {
    const edited = {
      ...envelope, type: 'ConsultationEdited',
      payload: {
        consultationId: '00000000-0000-4000-8000-000000000501', projectId: project.projectId, projectName: '스마트공장',
        customerId: interest.customerId, salesmanId: '00000000-0000-4000-8000-000000000301', contactName: '홍길동',
        step: 'requested', previousStep: 'requested', editedBy: 'customer',
      },
    } as EventOf<'ConsultationEdited'>;
    expect(consultationAlarmText(edited)).toEqual({ title: 'Request edited · 스마트공장', body: '홍길동 changed the details of their request (by customer).' });
  });
});
