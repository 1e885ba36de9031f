import { AGE_GROUPS, CATEGORIES, type AgeGroup, type Category } from '../../catalogue/categories';

/**
 * The seed's 20 shopping scenarios plus the baseline (id 0), with every number
 * of ../shared/notes/seed-facts-commerce.md. A scenario sets who buys (gender and
 * age weights), what (category weights, quantity weights) and how much: bursts
 * of `volume` carts every `interval` seconds, a burst being a peak of
 * `peakVolume` carts with probability `peakP`. Unlike the seed, these numbers
 * drive the generator (see ./pace.ts for how they set the rate).
 */
export interface Scenario {
  id: number;
  name: string;
  /** carts per burst, uniform in [min, max] */
  volume: readonly [number, number];
  /** seconds between bursts, uniform in [min, max] */
  interval: readonly [number, number];
  /** probability that a burst is a peak */
  peakP: number;
  /** carts of a peak burst, uniform in [min, max] */
  peakVolume: readonly [number, number];
  gender: { readonly M: number; readonly F: number };
  age: Readonly<Record<AgeGroup, number>>;
  /** weight of every category, after the "rest" rule */
  categories: Readonly<Record<Category, number>>;
  /** weights of quantity 1..5; they reshape each category's own quantity rule (see quantity.ts) */
  qty: readonly number[];
}

type Short = 'SS' | 'FW' | '스킨' | '기능성' | '신선' | '육류' | '가전' | 'IT' | '세제' | '화지' | '건강' | '영양제' | '소파' | '사무' | '골프' | '캠핑' | '항공' | '숙박' | '티켓';
const SHORT: Record<Short, Category> = {
  SS: 'SS(봄여름)', FW: 'FW(가을겨울)', 스킨: '스킨케어', 기능성: '기능성(안티에이징)', 신선: '신선(과일/채소)', 육류: '육류/가공',
  가전: '생활가전', IT: 'IT/게이밍', 세제: '세제/위생', 화지: '화지/제지', 건강: '건강식품', 영양제: '영양제', 소파: '소파/침대',
  사무: '사무/학생', 골프: '골프', 캠핑: '캠핑', 항공: '항공', 숙박: '숙박', 티켓: '티켓/패스',
};

/** Named overrides; every other category gets max((100 - sum) / n_rest, 0.5) (the seed's rule). */
export function categoryWeights(overrides: Partial<Record<Short, number>>, all?: number): Record<Category, number> {
  const named = new Map(Object.entries(overrides).map(([k, v]) => [SHORT[k as Short], v]));
  const sum = [...named.values()].reduce((s, v) => s + v, 0);
  const rest = CATEGORIES.length - named.size;
  const restWeight = all ?? (rest ? Math.max((100 - sum) / rest, 0.5) : 0);
  return Object.fromEntries(CATEGORIES.map((c) => [c, named.get(c) ?? restWeight])) as Record<Category, number>;
}

const ages = (w: readonly [number, number, number, number, number]) =>
  Object.fromEntries(AGE_GROUPS.map((g, i) => [g, w[i]])) as Record<AgeGroup, number>;

type Row = [id: number, name: string, vol: [number, number], int: [number, number], peakP: number, peak: [number, number],
  mf: [number, number], age: [number, number, number, number, number], cats: Partial<Record<Short, number>>, qty: number[]];

const ROWS: Row[] = [
  [1, '여성 구매고객 대량 유입', [80, 200], [0.3, 1.0], 0.1, [200, 400], [10, 90], [10, 35, 30, 15, 10], { 스킨: 20, 기능성: 15, SS: 18, FW: 12, 영양제: 8 }, [60, 20, 10, 5, 5]],
  [2, '남성 IT/게이밍 폭주', [50, 150], [0.2, 0.6], 0.08, [150, 300], [85, 15], [25, 35, 25, 10, 5], { IT: 35, 가전: 10, 사무: 10 }, [85, 10, 3, 1, 1]],
  [3, '블랙프라이데이 대규모 세일', [150, 400], [0.1, 0.5], 0.3, [400, 800], [50, 50], [15, 30, 30, 15, 10], { 가전: 15, IT: 15, FW: 12, 기능성: 10, 소파: 8 }, [50, 25, 15, 5, 5]],
  [4, '설날/추석 선물세트 시즌', [60, 180], [0.3, 1.0], 0.05, [200, 350], [40, 60], [5, 15, 25, 30, 25], { 건강: 25, 영양제: 15, 육류: 15, 신선: 12, 기능성: 8 }, [40, 30, 15, 10, 5]],
  [5, '여름 패션/뷰티 시즌', [40, 120], [0.3, 0.8], 0.05, [150, 250], [40, 60], [20, 35, 25, 15, 5], { SS: 30, 스킨: 20, 캠핑: 8, 항공: 8, 숙박: 8 }, [70, 15, 10, 3, 2]],
  [6, '겨울 패딩/방한용품 시즌', [40, 120], [0.3, 0.8], 0.05, [150, 250], [45, 55], [15, 25, 25, 20, 15], { FW: 35, 가전: 12, 세제: 8, 육류: 8 }, [75, 15, 5, 3, 2]],
  [7, '뷰티 인플루언서 바이럴', [100, 250], [0.1, 0.5], 0.15, [250, 500], [15, 85], [25, 40, 25, 8, 2], { 스킨: 35, 기능성: 20, 영양제: 8, SS: 8 }, [55, 25, 12, 5, 3]],
  [8, 'MZ세대 트렌드 쇼핑', [60, 150], [0.2, 0.6], 0.08, [150, 300], [45, 55], [35, 45, 15, 4, 1], { SS: 15, FW: 10, 스킨: 15, IT: 15, 티켓: 8 }, [80, 12, 5, 2, 1]],
  [9, '5060 건강/식품 집중 구매', [20, 80], [0.5, 1.5], 0.03, [80, 150], [40, 60], [2, 5, 10, 30, 53], { 건강: 25, 영양제: 20, 신선: 15, 육류: 10 }, [50, 25, 15, 5, 5]],
  [10, '캠핑 시즌', [30, 100], [0.3, 1.0], 0.05, [100, 200], [65, 35], [5, 20, 35, 30, 10], { 캠핑: 30, 육류: 15, 세제: 8, 티켓: 8 }, [60, 20, 10, 5, 5]],
  [11, '신학기 시즌', [40, 100], [0.3, 0.8], 0.05, [100, 200], [50, 50], [30, 40, 15, 10, 5], { 사무: 25, IT: 25, 세제: 8, 화지: 5 }, [85, 10, 3, 1, 1]],
  [12, '결혼/혼수 시즌', [30, 80], [0.5, 1.5], 0.03, [80, 150], [35, 65], [2, 20, 50, 20, 8], { 가전: 25, 소파: 25, 세제: 10, 화지: 5 }, [70, 15, 10, 3, 2]],
  [13, '새해 다이어트/헬스 시즌', [40, 120], [0.3, 0.8], 0.05, [120, 250], [40, 60], [10, 30, 30, 20, 10], { 영양제: 25, 골프: 5, 캠핑: 5, 신선: 15, SS: 10 }, [60, 20, 10, 5, 5]],
  [14, '육아맘 생필품 대량 구매', [40, 100], [0.3, 1.0], 0.05, [100, 200], [10, 90], [2, 15, 50, 28, 5], { 세제: 25, 화지: 20, 신선: 15, 육류: 10, 영양제: 8 }, [30, 25, 20, 15, 10]],
  [15, '골프 시즌', [20, 60], [0.5, 1.5], 0.03, [60, 120], [70, 30], [2, 10, 25, 35, 28], { 골프: 40, SS: 12, 항공: 8, 숙박: 8, 티켓: 5 }, [80, 12, 5, 2, 1]],
  [16, '여행 성수기', [50, 130], [0.3, 0.8], 0.08, [130, 250], [45, 55], [10, 30, 30, 20, 10], { 항공: 30, 숙박: 30, 티켓: 20, SS: 10, 스킨: 8 }, [70, 20, 5, 3, 2]],
  [17, '새벽배송 식품 집중', [30, 90], [0.3, 1.0], 0.05, [90, 180], [35, 65], [5, 20, 35, 25, 15], { 신선: 30, 육류: 25, 세제: 10, 화지: 8 }, [40, 25, 20, 10, 5]],
  [18, '가전 할인 행사', [80, 200], [0.2, 0.6], 0.15, [200, 400], [55, 45], [5, 20, 30, 30, 15], { 가전: 30, IT: 25, 소파: 10 }, [85, 10, 3, 1, 1]],
  [19, '평일 심야 소량 주문', [3, 15], [1.0, 3.0], 0.01, [20, 40], [55, 45], [10, 35, 30, 15, 10], { 신선: 12, 세제: 10, 스킨: 10, IT: 10 }, [90, 7, 2, 1, 0]],
];

const BASELINE: Scenario = {
  id: 0,
  name: '기본 (평상시)',
  volume: [10, 50],
  interval: [0.3, 1.0],
  peakP: 0.02,
  peakVolume: [80, 150],
  gender: { M: 45, F: 55 },
  age: ages([8, 28, 28, 22, 14]),
  // The seed names twelve and gives "the other seven 2 each", which is also what the rest rule gives.
  categories: categoryWeights({ 신선: 12, 육류: 10, 세제: 8, 화지: 6, SS: 9, FW: 9, 스킨: 8, 영양제: 6, 가전: 5, IT: 5, 기능성: 4, 건강: 4 }),
  // The baseline has no quantity weights of its own: each category's rule alone.
  qty: [1, 1, 1, 1, 1],
};

export const SCENARIOS: readonly Scenario[] = [
  BASELINE,
  ...ROWS.map(([id, name, volume, interval, peakP, peakVolume, [M, F], age, cats, qty]): Scenario => ({
    id, name, volume, interval, peakP, peakVolume, gender: { M, F }, age: ages(age), categories: categoryWeights(cats), qty,
  })),
  {
    id: 20, name: '전 카테고리 균등 대량 주문', volume: [100, 300], interval: [0.1, 0.4], peakP: 0.1, peakVolume: [300, 600],
    gender: { M: 50, F: 50 }, age: ages([15, 25, 25, 20, 15]), categories: categoryWeights({}, 5.3), qty: [70, 15, 8, 4, 3],
  },
];

export function scenarioById(id: number): Scenario {
  const s = SCENARIOS[id];
  if (!s || s.id !== id) throw new RangeError(`no scenario ${id} (0..${SCENARIOS.length - 1})`);
  return s;
}

const mid = ([a, b]: readonly [number, number]) => (a + b) / 2;

/** Mean carts of one burst, peaks included. */
export function meanBurstCarts(s: Scenario): number {
  return mid(s.volume) * (1 - s.peakP) + mid(s.peakVolume) * s.peakP;
}

/** The scenario's own rate in carts per second: mean burst over mean interval (the seed's timer arithmetic). */
export function nativeRate(s: Scenario): number {
  return meanBurstCarts(s) / mid(s.interval);
}

/**
 * How long a scenario chosen by staff lasts before the shop goes back to the automatic one:
 * the seed's max(1, round(10000 / rate / 60)) minutes, i.e. about 10,000 carts at its own rate.
 */
export function scenarioTimerMinutes(id: number): number {
  return Math.max(1, Math.round(10_000 / nativeRate(scenarioById(id)) / 60));
}

/** The scenario the shop runs by itself at a Korea-time hour: 0-5 -> 19, 21-23 -> 17, else the baseline. */
export function autoScenario(hour: number): number {
  if (hour >= 0 && hour <= 5) return 19;
  if (hour >= 21 && hour <= 23) return 17;
  return 0;
}
