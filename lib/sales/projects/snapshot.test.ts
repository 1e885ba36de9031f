import { describe, expect, it } from 'vitest';
import { ProjectCreated } from '../../platform/events/catalog';
import type { Project } from '../../generated/prisma/client';
import { changedFields, toSnapshot } from './snapshot';

const row: Project = {
  id: '00000000-0000-4000-8000-000000000101', name: '스마트공장', year: 2026, scale: 30_000_000_000_000n,
  target: '제조기업', host: '중기부', summary: '지원', link: null,
  startDate: new Date('2026-03-02T00:00:00Z'), endDate: null, expStartDate: null, status: 'ongoing',
  createdAt: new Date(), updatedAt: new Date(),
};

describe('toSnapshot', () => {
  it('builds a payload the event catalog accepts, with the budget as a decimal string and days as YYYY-MM-DD', () => {
    const s = toSnapshot(row);
    expect(ProjectCreated.payload.parse(s)).toEqual(s);
    expect(s).toMatchObject({ projectId: row.id, scale: '30000000000000', startDate: '2026-03-02', endDate: null, status: 'ongoing' });
    expect(Object.keys(s)).not.toContain('createdAt');
  });

  it('names exactly the fields an edit changed', () => {
    const before = toSnapshot(row);
    expect(changedFields(before, { ...before })).toEqual([]);
    expect(changedFields(before, { ...before, summary: '새 요약', link: 'https://a.kr', scale: '1' })).toEqual(['scale', 'summary', 'link']);
  });
});
