/** The 17 top-level divisions (시/도) by their current official names (강원 since 2023, 전북 since 2024). */
export const SIDO = [
  '서울특별시', '부산광역시', '대구광역시', '인천광역시', '광주광역시', '대전광역시', '울산광역시', '세종특별자치시',
  '경기도', '강원특별자치도', '충청북도', '충청남도', '전북특별자치도', '전라남도', '경상북도', '경상남도', '제주특별자치도',
] as const;
export type Sido = (typeof SIDO)[number];

// What people and old systems write for each. 제주시 is a city inside 제주특별자치도, not an alias of it; 광주 and
// 광주시 are settled by the caller (광주광역시 or 경기도 광주시).
const ALIASES: Record<Sido, string[]> = {
  서울특별시: ['서울', '서울시'],
  부산광역시: ['부산', '부산시'],
  대구광역시: ['대구', '대구시'],
  인천광역시: ['인천', '인천시'],
  광주광역시: ['광주', '광주시'],
  대전광역시: ['대전', '대전시'],
  울산광역시: ['울산', '울산시'],
  세종특별자치시: ['세종', '세종시'],
  경기도: ['경기'],
  강원특별자치도: ['강원', '강원도'],
  충청북도: ['충북'],
  충청남도: ['충남'],
  전북특별자치도: ['전북', '전라북도'],
  전라남도: ['전남'],
  경상북도: ['경북'],
  경상남도: ['경남'],
  제주특별자치도: ['제주', '제주도'],
};

export const SIDO_BY_ALIAS: ReadonlyMap<string, Sido> = new Map(
  SIDO.flatMap((sido) => [[sido, sido] as const, ...ALIASES[sido].map((alias) => [alias, sido] as const)]),
);

/** Full names that may be glued to the next division without a space ("서울특별시강남구", "경기도수원시"), longest first.
 * Short aliases are left out: 부산진구 is a district, not 부산 + 진구. */
export const GLUABLE_SIDO = [...SIDO_BY_ALIAS.keys()].filter((a) => a.length >= 3 && /[시도]$/.test(a)).sort((a, b) => b.length - a.length);

/** The five districts of 광주광역시; "광주시 오포읍" without one of them is 경기도 광주시. */
export const GWANGJU_GU = new Set(['동구', '서구', '남구', '북구', '광산구']);
