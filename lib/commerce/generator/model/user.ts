import { base, en, Faker, ko } from '@faker-js/faker';
import { childSeed, chance, intBetween, pick, uniform, weightedIndex, type Rng } from './rng';
import type { UserRegisteredPayload } from './types';

/**
 * Age bands of the seed (20-29, 30-39, 40-49, 50-60 at 30/30/25/15), plus 15-19 at 5.
 * The seed's defect: with nobody under 20, its 10대 propensity and scenario weights
 * never applied (scenario 8 "MZ세대" asks for 35% 10대). A small teen band makes them
 * count without changing the adult mix (30:30:25:15 stays as it was).
 */
export const AGE_BANDS: readonly { min: number; max: number; weight: number }[] = [
  { min: 15, max: 19, weight: 5 },
  { min: 20, max: 29, weight: 30 },
  { min: 30, max: 39, weight: 30 },
  { min: 40, max: 49, weight: 25 },
  { min: 50, max: 60, weight: 15 },
];

/** The seed's 13 regions with its weights, and a few real 시/군/구 of each (ours: the seed kept only the region). */
export const PROVINCES: readonly { name: string; weight: number; districts: readonly string[] }[] = [
  { name: '서울', weight: 18, districts: ['강남구', '서초구', '송파구', '마포구', '관악구', '노원구', '영등포구', '성동구'] },
  { name: '부산', weight: 7, districts: ['해운대구', '부산진구', '동래구', '사하구', '수영구'] },
  { name: '대구', weight: 5, districts: ['수성구', '달서구', '북구', '중구'] },
  { name: '인천', weight: 6, districts: ['연수구', '남동구', '부평구', '서구'] },
  { name: '광주', weight: 3, districts: ['북구', '서구', '광산구', '남구'] },
  { name: '대전', weight: 3, districts: ['유성구', '서구', '중구', '대덕구'] },
  { name: '울산', weight: 2, districts: ['남구', '중구', '북구', '울주군'] },
  { name: '경기', weight: 25, districts: ['수원시', '성남시', '고양시', '용인시', '부천시', '화성시', '안양시', '남양주시'] },
  { name: '강원', weight: 3, districts: ['춘천시', '원주시', '강릉시', '속초시'] },
  { name: '충청', weight: 10, districts: ['청주시', '천안시', '아산시', '충주시', '서산시'] },
  { name: '전라', weight: 8, districts: ['전주시', '익산시', '여수시', '순천시', '목포시'] },
  { name: '경상', weight: 8, districts: ['창원시', '포항시', '김해시', '구미시', '경주시', '진주시'] },
  { name: '제주', weight: 2, districts: ['제주시', '서귀포시'] },
];
const PROVINCE_WEIGHTS = PROVINCES.map((p) => p.weight);
const BAND_WEIGHTS = AGE_BANDS.map((b) => b.weight);

export const EMAIL_DOMAINS = ['naver.com', 'gmail.com', 'daum.net', 'kakao.com', 'icloud.com'] as const;

/** "U_" + 8 digits: ids are handed out from a counter (U_00000001, U_00000002, ...). */
export const userId = (seq: number): string => `U_${String(seq).padStart(8, '0')}`;
export const userSeq = (id: string): number => Number(id.slice(2));

const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => intBetween(rng, 0, 9)).join('');

export interface UserOptions {
  seq: number;
  createdAt: Date;
  /** the clock's now: age and birth year are as of now, the last login falls between createdAt and now */
  now: Date;
}

/**
 * Makes shop users. Korean names and street names come from faker's ko locale, the
 * e-mail's local part from its en locale; both fakers are seeded from the RNG, so a
 * seeded factory makes the same users every time.
 */
export class UserFactory {
  private readonly fakerKo: Faker;
  private readonly fakerEn: Faker;

  constructor(private readonly rng: Rng) {
    this.fakerKo = new Faker({ locale: [ko, en, base] });
    this.fakerKo.seed(childSeed(rng));
    this.fakerEn = new Faker({ locale: [en, base] });
    this.fakerEn.seed(childSeed(rng));
  }

  make(o: UserOptions): UserRegisteredPayload {
    const rng = this.rng;
    const gender = chance(rng, 0.5) ? 'M' : 'F';
    const band = AGE_BANDS[weightedIndex(rng, BAND_WEIGHTS)]!;
    const age = intBetween(rng, band.min, band.max);
    const province = PROVINCES[weightedIndex(rng, PROVINCE_WEIGHTS)]!;
    const name = `${this.fakerKo.person.lastName()}${this.fakerKo.person.firstName(gender === 'M' ? 'male' : 'female')}`;
    const local = this.fakerEn.internet.username().toLowerCase().replace(/[^a-z0-9._]/g, '').replace(/^[._]+|[._]+$/g, '') || `user${o.seq}`;
    const created = o.createdAt.getTime();
    const lastLogin = created + rng() * Math.max(0, o.now.getTime() - created);
    return {
      userId: userId(o.seq),
      name,
      gender,
      age,
      birthYear: o.now.getUTCFullYear() - age,
      province: province.name,
      district: pick(rng, province.districts),
      street: `${this.fakerKo.location.street()} ${intBetween(rng, 1, 300)}`,
      email: `${local}@${pick(rng, EMAIL_DOMAINS)}`,
      phone: `010-${digits(rng, 4)}-${digits(rng, 4)}`,
      grade: 'BRONZE',
      // The seed makes 20% of all users dormant, new sign-ups included.
      status: chance(rng, 0.2) ? 'DORMANT' : 'ACTIVE',
      marketingConsent: chance(rng, 0.5),
      createdAt: o.createdAt.toISOString(),
      lastLoginAt: new Date(lastLogin).toISOString(),
      randomSeed: rng(),
    };
  }
}

/** A sign-up time uniform over the 5 years before `now` (the seed's initial users). */
export const backdatedCreatedAt = (rng: Rng, now: Date): Date => new Date(now.getTime() - uniform(rng, 0, 5 * 365 * 86_400_000));

/**
 * New users over time, h = hours since the generator started (the seed calls it an
 * S-curve; it is a decay): decay = exp(-0.6h), batch = max(1, int(10 * decay)),
 * interval = 10 + 110 * (1 - decay) s. A launch rush of 10 users every 10 s settling
 * to 1 user every ~2 minutes after about 8 hours.
 */
export function newUserSchedule(hoursSinceStart: number): { batch: number; intervalMs: number } {
  const decay = Math.exp(-0.6 * Math.max(0, hoursSinceStart));
  return { batch: Math.max(1, Math.floor(10 * decay)), intervalMs: (10 + 110 * (1 - decay)) * 1000 };
}
