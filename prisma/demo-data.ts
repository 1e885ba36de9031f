// Demo data for development and the end-to-end tests. Fixed ids keep the seed
// idempotent and let tests refer to the same people.
import type { CustomerSeed, ProjectSeed, SalesmanSeed } from './factories';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const DEMO_PROJECTS: ProjectSeed[] = [
  {
    id: id(101), name: '스마트공장 구축 지원사업', year: 2026, scale: 30_000_000_000n,
    target: '제조 중소·중견기업', host: '중소벤처기업부',
    summary: '공정 자동화와 데이터 수집 설비 도입 비용의 50%를 지원합니다.',
    link: 'https://www.smart-factory.kr', status: 'ongoing', startDate: '2026-03-02', endDate: '2026-12-18',
  },
  {
    id: id(102), name: '수출바우처 사업', year: 2026, scale: 12_000_000_000n,
    target: '수출 초보 중소기업', host: 'KOTRA',
    summary: '해외 마케팅, 통번역, 인증 취득 비용을 바우처로 지원합니다.',
    link: 'https://www.exportvoucher.com', status: 'ongoing', startDate: '2026-02-16', endDate: '2026-11-30',
  },
  {
    id: id(103), name: '소상공인 디지털 전환 지원', year: 2027, scale: 5_000_000_000n,
    target: '소상공인', host: '소상공인시장진흥공단',
    summary: '키오스크, 스마트오더, 온라인 판로 구축을 지원합니다.',
    status: 'planned', expStartDate: '2027-01-15',
  },
  {
    id: id(104), name: '데이터바우처 지원사업', year: 2025, scale: 9_000_000_000n,
    target: '데이터 활용 기업', host: '한국데이터산업진흥원',
    summary: '데이터 구매와 가공 비용을 지원합니다.',
    status: 'ended', startDate: '2025-03-03', endDate: '2025-12-19',
  },
];

export const DEMO_CUSTOMERS: CustomerSeed[] = [
  { id: id(201), name: '김민준', phone: '010-2345-6789', company: '한빛정밀', region: '서울' },
  { id: id(202), name: '이서연', phone: '010-3456-7890', company: '바다식품', region: '부산' },
  { id: id(203), name: '박지호', phone: '010-4567-8901', company: '한라감귤농원', region: '제주' },
];

// Nobody covers 제주 on purpose: it shows the "no salesman" path.
export const DEMO_SALESMEN: SalesmanSeed[] = [
  { id: id(301), name: '최영업', phone: '010-5678-9012', regions: ['서울', '경기', '인천'] },
  { id: id(302), name: '정하늘', phone: '010-6789-0123', regions: ['서울', '부산', '경남'] },
  { id: id(303), name: '강도윤', phone: '010-7890-1234', regions: ['부산', '대구', '경북', '울산'] },
];

// ─── Accounts ──────────────────────────────────────────────────────────────
// One sign-in per seeded person, plus staff. The login page lists them (unless
// SHOW_DEMO_ACCOUNTS=false) with this password; the e2e tests sign in with them.
export const DEMO_PASSWORD = 'switchboard-demo';

export interface AccountSeed {
  email: string;
  role: 'staff' | 'customer' | 'salesman';
  displayName: string;
  customerId?: string;
  salesmanId?: string;
  /** Commerce: the shop user (created by the catalogue seed) whose orders and grade the customer sees. */
  shopUserId?: string;
}

const person = (list: { id: string; name: string }[], n: number) => list.find((p) => p.id === id(n))!;

export const DEMO_ACCOUNTS: AccountSeed[] = [
  { email: 'staff@switchboard.dev', role: 'staff', displayName: '운영팀' },
  { email: 'minjun@hanbit.example', role: 'customer', displayName: person(DEMO_CUSTOMERS, 201).name, customerId: id(201), shopUserId: 'U_00000001' },
  { email: 'seoyeon@bada.example', role: 'customer', displayName: person(DEMO_CUSTOMERS, 202).name, customerId: id(202), shopUserId: 'U_00000002' },
  { email: 'jiho@halla.example', role: 'customer', displayName: person(DEMO_CUSTOMERS, 203).name, customerId: id(203), shopUserId: 'U_00000003' },
  { email: 'choi@switchboard.dev', role: 'salesman', displayName: person(DEMO_SALESMEN, 301).name, salesmanId: id(301) },
  { email: 'jeong@switchboard.dev', role: 'salesman', displayName: person(DEMO_SALESMEN, 302).name, salesmanId: id(302) },
  { email: 'kang@switchboard.dev', role: 'salesman', displayName: person(DEMO_SALESMEN, 303).name, salesmanId: id(303) },
];
