import { describe, expect, it } from 'vitest';
import { createProjectSchema, editProjectSchema, endProjectSchema } from './schemas';

const valid = {
  name: '  스마트공장 구축 지원사업 ', year: '2027', scale: '30,000,000,000', target: '제조 중소기업',
  host: '중소벤처기업부', summary: '설비 도입 비용 지원', link: '', startDate: '', endDate: '', expStartDate: '2027-03-02',
};
const errorsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => i.path.join('.')).sort() ?? [];

describe('createProjectSchema', () => {
  it('normalises a form submission: trims, parses year and budget, empties become null', () => {
    const p = createProjectSchema.parse(valid);
    expect(p).toMatchObject({ name: '스마트공장 구축 지원사업', year: 2027, scale: 30_000_000_000n, link: null, startDate: null, expStartDate: '2027-03-02' });
  });

  it('accepts JSON numbers and leaves optional fields out', () => {
    const { link: _l, startDate: _s, endDate: _e, expStartDate: _x, ...rest } = valid;
    const p = createProjectSchema.parse({ ...rest, year: 2027, scale: 5_000_000_000 });
    expect(p).toMatchObject({ scale: 5_000_000_000n, link: null, startDate: null, endDate: null, expStartDate: null });
  });

  it('refuses each bad field with its own message', () => {
    const r = createProjectSchema.safeParse({ ...valid, name: 'x', year: '19', scale: '0', host: ' ', link: 'ftp://a.b', startDate: '2027-02-30' });
    expect(errorsOf(r)).toEqual(['host', 'link', 'name', 'scale', 'startDate', 'year']);
  });

  it('refuses an end date before the start date', () => {
    const r = createProjectSchema.safeParse({ ...valid, startDate: '2027-05-01', endDate: '2027-04-30' });
    expect(errorsOf(r)).toEqual(['endDate']);
    expect(createProjectSchema.safeParse({ ...valid, startDate: '2027-05-01', endDate: '2027-05-01' }).success).toBe(true);
  });

  it('refuses budgets that are not whole won', () => {
    for (const scale of ['12.5', '-3', 'abc', '', '1'.repeat(17)]) expect(createProjectSchema.safeParse({ ...valid, scale }).success).toBe(false);
  });
});

describe('editProjectSchema', () => {
  it('keeps left-out fields absent, so they stay as stored, and turns an empty link into null', () => {
    const p = editProjectSchema.parse({ projectId: '00000000-0000-4000-8000-000000000101', summary: ' 새 요약 ', link: '' });
    expect(p).toEqual({ projectId: '00000000-0000-4000-8000-000000000101', summary: '새 요약', link: null });
  });

  it('refuses an unknown project id and an emptied required field', () => {
    expect(errorsOf(editProjectSchema.safeParse({ projectId: 'nope', name: '' }))).toEqual(['name', 'projectId']);
  });
});

describe('endProjectSchema', () => {
  it('makes the date optional (today is the default, decided by the command)', () => {
    expect(endProjectSchema.parse({ projectId: '00000000-0000-4000-8000-000000000101' }).endDate).toBeUndefined();
    expect(endProjectSchema.parse({ projectId: '00000000-0000-4000-8000-000000000101', endDate: '' }).endDate).toBeNull();
  });
});
