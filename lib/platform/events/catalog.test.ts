import { describe, expect, it } from 'vitest';
import { ConsultationCreated, decodeEvent } from './catalog';
import { createEnvelope } from './envelope';

const payload = {
  consultationId: '0195f0a0-0000-7000-8000-000000000001',
  projectId: '00000000-0000-4000-8000-000000000101',
  projectName: '스마트공장 구축 지원사업',
  customerId: '00000000-0000-4000-8000-000000000201',
  salesmanId: '00000000-0000-4000-8000-000000000301',
  contactName: '김민준',
  company: '한빛정밀',
  region: '서울',
  step: 'requested' as const,
};
const correlationId = '0195f0a0-0000-7000-8000-0000000000cc';

describe('event catalog', () => {
  it('round-trips an event through JSON with its ids', () => {
    const env = createEnvelope(ConsultationCreated, payload, { correlationId });
    const decoded = decodeEvent(Buffer.from(JSON.stringify(env)));
    expect(decoded).toEqual({ ok: true, event: env });
    expect(env.causationId).toBeNull();
    expect(env.eventId).not.toBe(correlationId);
  });

  it('refuses to create an event whose payload breaks the schema', () => {
    expect(() => createEnvelope(ConsultationCreated, { ...payload, step: 'lost' as 'requested' }, { correlationId })).toThrow();
  });

  it.each([
    ['an empty value', null, /empty/],
    ['non-JSON', Buffer.from('{oops'), /not JSON/],
    ['a missing envelope field', Buffer.from(JSON.stringify({ type: 'ConsultationCreated' })), /bad envelope/],
  ])('rejects %s with a reason', (_label, raw, reason) => {
    const r = decodeEvent(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('rejects an unknown type or version, and a payload that does not match its type', () => {
    const env = createEnvelope(ConsultationCreated, payload, { correlationId });
    const v9 = decodeEvent(JSON.stringify({ ...env, version: 9 }));
    expect(v9.ok || v9.reason).toMatch(/unknown event type\/version ConsultationCreated@9/);
    const other = decodeEvent(JSON.stringify({ ...env, type: 'InvoiceIssued' }));
    expect(other.ok || other.reason).toMatch(/unknown event type/);
    const bad = decodeEvent(JSON.stringify({ ...env, payload: { ...payload, salesmanId: 7 } }));
    expect(bad.ok || bad.reason).toMatch(/bad ConsultationCreated payload/);
  });
});
