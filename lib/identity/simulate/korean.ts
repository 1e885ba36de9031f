import { ko } from '@faker-js/faker';
import type { Sido } from '../cleansing/sido';
import { chance, pick, Weighted, type Rng } from './random';

// Surnames at roughly their share of the 2015 census (per mille), so namesakes come as often as they do in Korea
// (김 and 이 are a third of everyone). faker's ko list (uniform) fills the tail at 0.1 each.
const SURNAME_PER_MILLE: readonly (readonly [string, number])[] = [
  ['김', 215], ['이', 147], ['박', 84], ['최', 47], ['정', 43], ['강', 23], ['조', 21], ['윤', 21], ['장', 20], ['임', 16],
  ['한', 15], ['오', 15], ['서', 15], ['신', 14], ['권', 14], ['황', 14], ['안', 14], ['송', 13], ['전', 11], ['홍', 11],
  ['유', 10], ['고', 9], ['문', 9], ['양', 9], ['손', 9], ['배', 8], ['백', 8], ['허', 6], ['노', 6], ['남', 6],
  ['심', 5], ['하', 5], ['곽', 4], ['성', 4], ['차', 4], ['주', 4], ['우', 4], ['구', 4], ['민', 3], ['류', 3],
  ['나', 3], ['진', 3], ['지', 3], ['엄', 3], ['채', 3], ['원', 3], ['천', 2], ['방', 2], ['공', 2], ['현', 2],
  ['함', 2], ['변', 2], ['염', 1], ['여', 1], ['추', 1], ['도', 1], ['소', 1], ['석', 1], ['선', 1], ['설', 1],
  ['마', 1], ['길', 1], ['연', 1], ['위', 1], ['표', 1], ['명', 1], ['기', 1], ['반', 1], ['라', 0.5], ['왕', 0.5],
  ['금', 0.5], ['옥', 0.5], ['육', 0.5], ['인', 0.5], ['맹', 0.5], ['제', 0.5], ['모', 0.5], ['남궁', 0.4], ['황보', 0.2],
  ['제갈', 0.1], ['선우', 0.1], ['림', 0.2], ['로', 0.1], ['량', 0.1], ['리', 0.2],
];
const named = new Set(SURNAME_PER_MILLE.map(([s]) => s));
export const SURNAMES = Weighted.of([...SURNAME_PER_MILLE, ...ko.person!.last_name!.generic!.filter((s) => !named.has(s)).map((s) => [s, 0.1] as const)]);

/** Written either way since 2007; the ㄹ form is the registered one here, the other what a clerk typed. */
export const SURNAME_WITHOUT_RIEUL: Readonly<Record<string, string>> = { 류: '유', 리: '이', 림: '임', 라: '나', 로: '노', 량: '양' };

const firstNames = ko.person!.first_name! as { male: string[]; female: string[]; generic: string[] };
// faker's are today's baby names; people born before 1980 mostly have their own generation's
const OLDER: Record<'M' | 'F', readonly string[]> = {
  M: ['영수', '영호', '영철', '성호', '정호', '상철', '광수', '재훈', '성수', '경수', '진호', '종수', '상훈', '준호', '병철', '정훈', '동수', '성민', '재현', '승철'],
  F: ['영희', '순자', '미경', '미숙', '정희', '경희', '은주', '현주', '미영', '지영', '혜숙', '은영', '선영', '정숙', '영숙', '숙자', '미정', '은정', '수진', '현정'],
};

export function givenName(rng: Rng, gender: 'M' | 'F', birthYear: number): string {
  if (birthYear < 1980 && chance(rng, 0.6)) return pick(rng, OLDER[gender]);
  if (chance(rng, 0.1)) return pick(rng, firstNames.generic);
  return pick(rng, gender === 'M' ? firstNames.male : firstNames.female);
}

export interface Province {
  sido: Sido;
  /** how people write it: the official name first, then the usual short and old forms */
  written: readonly string[];
  districts: readonly string[];
  areaCode: string;
  /** the first two digits of its five-digit postcodes */
  postcodes: readonly [number, number];
}

// Population weights (millions, 2024) and real 시/군/구 of each; 세종 has none.
const PROVINCES: readonly (readonly [Province, number])[] = [
  [{ sido: '서울특별시', written: ['서울특별시', '서울', '서울시'], areaCode: '02', postcodes: [1, 8], districts: ['강남구', '강동구', '강북구', '강서구', '관악구', '광진구', '구로구', '금천구', '노원구', '도봉구', '동대문구', '동작구', '마포구', '서대문구', '서초구', '성동구', '성북구', '송파구', '양천구', '영등포구', '용산구', '은평구', '종로구', '중구', '중랑구'] }, 9.4],
  [{ sido: '부산광역시', written: ['부산광역시', '부산', '부산시'], areaCode: '051', postcodes: [46, 49], districts: ['해운대구', '부산진구', '동래구', '사하구', '수영구', '남구', '북구', '금정구', '연제구', '사상구', '기장군', '중구'] }, 3.3],
  [{ sido: '대구광역시', written: ['대구광역시', '대구', '대구시'], areaCode: '053', postcodes: [41, 43], districts: ['수성구', '달서구', '북구', '동구', '중구', '서구', '남구', '달성군'] }, 2.4],
  [{ sido: '인천광역시', written: ['인천광역시', '인천', '인천시'], areaCode: '032', postcodes: [21, 23], districts: ['연수구', '남동구', '부평구', '서구', '계양구', '미추홀구', '중구', '강화군'] }, 3.0],
  [{ sido: '광주광역시', written: ['광주광역시', '광주', '광주시'], areaCode: '062', postcodes: [61, 62], districts: ['북구', '서구', '광산구', '남구', '동구'] }, 1.4],
  [{ sido: '대전광역시', written: ['대전광역시', '대전', '대전시'], areaCode: '042', postcodes: [34, 35], districts: ['유성구', '서구', '중구', '대덕구', '동구'] }, 1.4],
  [{ sido: '울산광역시', written: ['울산광역시', '울산', '울산시'], areaCode: '052', postcodes: [44, 45], districts: ['남구', '중구', '북구', '동구', '울주군'] }, 1.1],
  [{ sido: '세종특별자치시', written: ['세종특별자치시', '세종', '세종시'], areaCode: '044', postcodes: [30, 30], districts: [] }, 0.39],
  [{ sido: '경기도', written: ['경기도', '경기'], areaCode: '031', postcodes: [10, 18], districts: ['수원시 영통구', '수원시 장안구', '성남시 분당구', '성남시 수정구', '고양시 일산동구', '고양시 덕양구', '용인시 수지구', '용인시 기흥구', '부천시', '화성시', '안양시 동안구', '남양주시', '평택시', '의정부시', '파주시', '시흥시', '김포시', '광명시', '광주시', '하남시', '군포시', '오산시', '이천시', '양주시', '구리시', '안성시', '포천시', '의왕시', '여주시', '양평군'] }, 13.7],
  [{ sido: '강원특별자치도', written: ['강원특별자치도', '강원', '강원도'], areaCode: '033', postcodes: [24, 26], districts: ['춘천시', '원주시', '강릉시', '속초시', '동해시', '삼척시', '홍천군'] }, 1.5],
  [{ sido: '충청북도', written: ['충청북도', '충북'], areaCode: '043', postcodes: [27, 29], districts: ['청주시 상당구', '청주시 흥덕구', '충주시', '제천시', '음성군', '진천군'] }, 1.6],
  [{ sido: '충청남도', written: ['충청남도', '충남'], areaCode: '041', postcodes: [31, 33], districts: ['천안시 서북구', '천안시 동남구', '아산시', '서산시', '당진시', '공주시', '논산시'] }, 2.1],
  [{ sido: '전북특별자치도', written: ['전북특별자치도', '전북', '전라북도'], areaCode: '063', postcodes: [54, 56], districts: ['전주시 완산구', '전주시 덕진구', '익산시', '군산시', '정읍시', '남원시', '완주군'] }, 1.75],
  [{ sido: '전라남도', written: ['전라남도', '전남'], areaCode: '061', postcodes: [57, 59], districts: ['여수시', '순천시', '목포시', '광양시', '나주시', '무안군', '해남군'] }, 1.8],
  [{ sido: '경상북도', written: ['경상북도', '경북'], areaCode: '054', postcodes: [36, 40], districts: ['포항시 남구', '포항시 북구', '구미시', '경주시', '경산시', '안동시', '김천시', '영주시'] }, 2.55],
  [{ sido: '경상남도', written: ['경상남도', '경남'], areaCode: '055', postcodes: [50, 53], districts: ['창원시 성산구', '창원시 의창구', '창원시 마산합포구', '김해시', '양산시', '진주시', '거제시', '통영시', '사천시'] }, 3.25],
  [{ sido: '제주특별자치도', written: ['제주특별자치도', '제주', '제주도'], areaCode: '064', postcodes: [63, 63], districts: ['제주시', '서귀포시'] }, 0.67],
];
export const PROVINCE_TABLE = Weighted.of(PROVINCES);

/** A place someone lives, in canonical parts; how it is written is the source's business (see noise.ts). */
export interface Home {
  province: Province;
  /** 시/군/구, '' in 세종 */
  district: string;
  /** road and building number: "테헤란로 152" */
  street: string;
  /** "101동 1203호" in an apartment, "3층" or null elsewhere */
  unit: string | null;
  postcode: string;
}

const streetParts = ko.location!.street_name_part!;
const streetSuffixes = ko.location!.street_suffix!;

export function newHome(rng: Rng, province: Province = PROVINCE_TABLE.draw(rng), district?: string): Home {
  const street = `${pick(rng, streetParts)}${pick(rng, streetSuffixes)} ${1 + Math.floor(rng() * rng() * 400)}`;
  const u = rng();
  // six in ten Koreans live in apartments (공동주택)
  const unit = u < 0.6 ? `${101 + Math.floor(rng() * 15)}동 ${1 + Math.floor(rng() * 25)}${String(1 + Math.floor(rng() * 6)).padStart(2, '0')}호` : u < 0.7 ? `${2 + Math.floor(rng() * 4)}층` : null;
  const [lo, hi] = province.postcodes;
  const postcode = String(lo + Math.floor(rng() * (hi - lo + 1))).padStart(2, '0') + String(Math.floor(rng() * 1000)).padStart(3, '0');
  return { province, district: district ?? (province.districts.length ? pick(rng, province.districts) : ''), street, unit, postcode };
}

const BASE = 0xac00;
// sound-alike vowels (ㅐ/ㅔ, ㅒ/ㅖ, ㅙ/ㅚ/ㅞ, ㅢ/ㅣ, ㅓ/ㅗ, ㅕ/ㅛ, ㅜ/ㅡ, ㅠ/ㅜ), finals (ㄴ/ㅇ, ㅁ/ㄴ, ㄱ/ㅇ) and initials
// (aspirated and tense pairs, and the neighbouring keys of the two-set keyboard), by their index in a syllable
const VOWELS: Record<number, number[]> = { 1: [5], 5: [1], 3: [7], 7: [3], 10: [11, 15], 11: [10, 15], 15: [11], 19: [20], 20: [19], 4: [8], 8: [4], 6: [12], 12: [6], 13: [18, 17], 18: [13], 17: [13] };
const FINALS: Record<number, number[]> = { 4: [21, 16], 21: [4], 16: [4], 1: [21] };
const INITIALS: Record<number, number[]> = { 12: [14, 3], 14: [12], 3: [16, 12, 0], 16: [3], 0: [15, 3, 9], 15: [0], 7: [17, 12], 17: [7], 9: [10, 0], 10: [9], 6: [2], 2: [6, 11], 11: [2, 5], 5: [11, 18], 18: [5] };

/**
 * One jamo of one syllable of the given name changed the way people mistype or mishear Korean names: 김민준 -> 김민중
 * (final ㄴ/ㅇ), 이재현 -> 이제현 (ㅐ/ㅔ), 박지훈 -> 박치훈 (ㅈ/ㅊ). The surname (the first `surnameLength` syllables) is
 * left alone: its variants are a noise of their own. Returns the name unchanged when nothing applies.
 */
export function jamoTypo(rng: Rng, name: string, surnameLength: number): string {
  const positions = [];
  for (let i = surnameLength; i < name.length; i++) {
    const c = name.charCodeAt(i) - BASE;
    if (c >= 0 && c <= 11171) positions.push(i);
  }
  if (!positions.length) return name;
  const at = pick(rng, positions);
  const code = name.charCodeAt(at) - BASE;
  let initial = Math.floor(code / 588), vowel = Math.floor((code % 588) / 28), final = code % 28;
  const options: (() => void)[] = [];
  if (VOWELS[vowel]) options.push(() => (vowel = pick(rng, VOWELS[vowel]!)), () => (vowel = pick(rng, VOWELS[vowel]!)));
  if (FINALS[final]) options.push(() => (final = pick(rng, FINALS[final]!)));
  if (INITIALS[initial]) options.push(() => (initial = pick(rng, INITIALS[initial]!)));
  if (!options.length) return name;
  pick(rng, options)();
  return name.slice(0, at) + String.fromCharCode(BASE + (initial * 21 + vowel) * 28 + final) + name.slice(at + 1);
}
