import { describe, expect, it } from 'vitest';
import { PoisonMessageError } from '../../platform/kafka/poison';
import { decodeCdcMessage } from './decode';

const msg = (value: unknown) => ({ key: null, value: value === null ? null : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)) });
const source = (table: string) => ({ schema: table.split('.')[0], table: table.split('.')[1], ts_ms: 1_764_000_000_000, db: 'switchboard', lsn: 1 });

describe('Debezium change events to identity changes', () => {
  it('an insert of a CX contact is an upsert of CX:<id>, cleansed, with the source times', () => {
    const c = decodeCdcMessage(msg({ before: null, op: 'c', ts_ms: 1_764_000_000_500, source: source('cx.contact'),
      after: { contact_id: '00000042', full_name: '(주) 홍 길동', phones: ['010 1234 5678', '02-555-1234'], email: ' Hong@Naver.com ', address: '서울시 강남구 테헤란로 152 101동 1203호', rrn_front: '900102-1',
        created_at: '2026-11-30T01:02:03.456Z', updated_at: '2026-12-01T00:00:00Z' } }), { today: '2026-12-03' });
    expect(c?.type).toBe('upsert');
    if (c?.type !== 'upsert') return;
    expect(c.row.key).toBe('CX:00000042');
    expect(c.row.source).toBe('CX');
    expect(c.row.createdAt.toISOString()).toBe('2026-11-30T01:02:03.456Z');
    expect(c.row.updatedAt.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(c.row.l1.phones.map((p) => p.e164)).toEqual(['+821012345678', '+8225551234']);
    expect(c.row.l1.email?.value).toBe('hong@naver.com');
    expect(c.row.l1.birth?.date).toBe('1990-01-02');
    expect(c.changedAt?.getTime()).toBe(1_764_000_000_000);
  });

  it('a snapshot read and an update are upserts; the shop keeps gender in a column of its own', () => {
    for (const op of ['r', 'u']) {
      const c = decodeCdcMessage(msg({ before: null, op, source: source('om.users'), after: { user_id: 'U_00000007', user_name: '박지훈', phone_no: '010-9876-5432', email_addr: 'jh@daum.net', gender: 'M', addr: '부산 해운대구 우동 1' } }));
      expect(c?.type === 'upsert' && c.row.key).toBe('OM:U_00000007');
      expect(c?.type === 'upsert' && c.row.gender).toBe('M');
    }
  });

  it('a delete names the record from `before`; its tombstone and truncates carry nothing', () => {
    expect(decodeCdcMessage(msg({ before: { customer_id: 'abc', customer_name: null }, after: null, op: 'd', source: source('di.customer') }))).toEqual({ type: 'delete', key: 'DI:Cabc', changedAt: new Date(1_764_000_000_000) });
    expect(decodeCdcMessage(msg(null))).toBeNull();
    expect(decodeCdcMessage(msg({ before: null, after: null, op: 't', source: source('cx.contact') }))).toBeNull();
  });

  it('what is not a change event of a source table is poison, with the reason', () => {
    const reason = (v: unknown) => { try { decodeCdcMessage(msg(v)); return 'decoded'; } catch (e) { expect(e).toBeInstanceOf(PoisonMessageError); return (e as Error).message; } };
    expect(reason('{not json')).toBe('not JSON');
    expect(reason({ op: 'c', after: {} })).toMatch(/^not a Debezium change event: source/);
    expect(reason({ op: 'c', before: null, after: { x: 1 }, source: source('public.Customer') })).toMatch(/public.Customer is not a source table/);
    expect(reason({ op: 'c', before: null, after: { full_name: 'x' }, source: source('cx.contact') })).toMatch(/no contact_id in after/);
    expect(reason({ op: 'd', before: null, after: null, source: source('cx.contact') })).toMatch(/delete without contact_id/);
  });
});
