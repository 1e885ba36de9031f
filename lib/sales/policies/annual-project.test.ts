import { describe, expect, it } from 'vitest';
import type { ProjectSnapshot } from '../projects/snapshot';
import { nextYearProject } from './annual-project';

const ended: ProjectSnapshot = {
  projectId: '00000000-0000-4000-8000-000000000104', name: '데이터바우처 지원사업', year: 2025, scale: '9000000000',
  target: '데이터 활용 기업', host: '한국데이터산업진흥원', summary: '데이터 구매와 가공 비용을 지원합니다.',
  link: 'https://kdata.or.kr', startDate: '2025-03-03', endDate: '2025-12-19', expStartDate: '2025-02-01', status: 'ended',
};

describe('nextYearProject', () => {
  it('copies name, budget, target, host, summary and link into a planned project for next year', () => {
    const copy = nextYearProject(ended);
    expect(copy).toMatchObject({
      name: ended.name, year: 2026, scale: 9_000_000_000n, target: ended.target, host: ended.host,
      summary: ended.summary, link: ended.link, status: 'planned', startDate: null, endDate: null,
    });
  });

  it('expects it to start on the ended project\'s start date one year later', () => {
    expect(nextYearProject(ended).expStartDate?.toISOString().slice(0, 10)).toBe('2026-03-03');
    expect(nextYearProject({ ...ended, startDate: '2024-02-29', year: 2024 }).expStartDate?.toISOString().slice(0, 10)).toBe('2025-02-28');
  });

  it('falls back to the expected start date, and otherwise leaves it empty (never the end date)', () => {
    expect(nextYearProject({ ...ended, startDate: null }).expStartDate?.toISOString().slice(0, 10)).toBe('2026-02-01');
    expect(nextYearProject({ ...ended, startDate: null, expStartDate: null }).expStartDate).toBeNull();
  });
});
