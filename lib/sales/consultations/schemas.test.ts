import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '../../platform/validation';
import { consultationEditSchema, consultationRequestSchema } from './schemas';

const valid = {
  projectId: '00000000-0000-4000-8000-000000000101',
  contactName: '김민준',
  phone: '01023456789',
  company: '한빛정밀',
  region: '서울',
  message: '스마트공장 지원 조건이 궁금합니다.',
};

describe('consultation request schema', () => {
  it('accepts a complete request and normalises the phone number', () => {
    const r = consultationRequestSchema.parse(valid);
    expect(r.phone).toBe('010-2345-6789');
    expect(consultationRequestSchema.parse({ ...valid, phone: '011-234-5678' }).phone).toBe('011-234-5678');
  });

  it('names each wrong field with a message a person can act on', () => {
    const r = consultationRequestSchema.safeParse({ projectId: 'x', contactName: ' ', phone: '02-123-4567', company: '', region: '도쿄', message: 'hi' });
    expect(r.success).toBe(false);
    const errors = fieldErrorsOf(r.error!);
    expect(Object.keys(errors).sort()).toEqual(['company', 'contactName', 'message', 'phone', 'projectId', 'region']);
    expect(errors.phone?.[0]).toMatch(/010-1234-5678/);
    expect(errors.region?.[0]).toMatch(/region/);
  });

  it('trims whitespace before checking lengths', () => {
    const r = consultationRequestSchema.safeParse({ ...valid, message: '    ab    ' });
    expect(r.success).toBe(false);
  });
});

describe('consultation edit schema', () => {
  const edit = { consultationId: valid.projectId, contactName: '김민준', phone: '010 2345 6789'.replace(/ /g, ''), company: '한빛정밀', message: '방문 상담을 원합니다.' };

  it('takes only the customer-editable fields, with the request form\'s rules', () => {
    const r = consultationEditSchema.parse({ ...edit, projectId: 'ignored', region: '부산', step: 'success', expectedVersion: '3' });
    expect(r).toEqual({ ...edit, phone: '010-2345-6789', expectedVersion: 3 });
  });

  it('refuses bad fields by name', () => {
    const r = consultationEditSchema.safeParse({ ...edit, consultationId: 'x', phone: '12', expectedVersion: '0' });
    expect(Object.keys(fieldErrorsOf(r.error!)).sort()).toEqual(['consultationId', 'expectedVersion', 'phone']);
  });
});
