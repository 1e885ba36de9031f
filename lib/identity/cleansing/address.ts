import { GLUABLE_SIDO, GWANGJU_GU, SIDO_BY_ALIAS, type Sido } from './sido';

export type AddressFlag = 'empty' | 'no-sido' | 'sido-inferred' | 'legacy-postcode';

export interface CleanAddress {
  raw: string;
  /** canonical 시/도, null when the address does not name one */
  sido: Sido | null;
  /** 시/군/구, with the 일반구 of a large city when given ("수원시 영통구") */
  sigungu: string | null;
  /** 시/도 + 시/군/구 for district comparison and blocking; 세종 has no 시/군/구, so it is its own district */
  district: string | null;
  /** road or lot address after the district, building name included ("테헤란로 152") */
  street: string;
  /** the unit split off ("101동 1203호"), null if none */
  unit: string | null;
  /** the parenthesised reference after a road address ("역삼동, 래미안"), null if none */
  reference: string | null;
  /** five-digit postcode (국가기초구역번호) */
  postcode: string | null;
  /** the old six-digit postcode ("135-080"), recognised and kept but not used */
  legacyPostcode: string | null;
  /** sido + sigungu + street, without unit, reference or postcode */
  normalised: string;
  flags: AddressFlag[];
}

const POSTCODE_5 = /^(?:0[1-9]|[1-5]\d|6[0-3])\d{3}$/;
const POSTCODE = [
  /[[(]\s*(\d{5}|\d{3}-\d{3})\s*[\])]/, // [06236] (135-080)
  /(?:우편번호|우)\s*[:)]?\s*(\d{5}|\d{3}-\d{3})(?!\d)/, // 우)06236
  /^(\d{5}|\d{3}-\d{3})(?=\s)/, // 06236 서울...
  /\s(\d{5})$/, // ... 06236
];
const COUNTRY = /^(?:대한민국|한국|korea|republic of korea)\s+/i;
const REFERENCE = /\s*\(([^()]*)\)\s*$/;
// 101동 1203호, A동 201호, 제101동 제1203호, 1203호, 지하1층, B101호, 3층 301호: at the end, after a space
const UNIT = /\s((?:제\s*)?(?:[A-Za-z]|\d+)\s*동(?:\s*(?:제\s*)?(?:지하\s*|[Bb])?\d+\s*(?:호|층))*|(?:제\s*)?(?:지하\s*|[Bb])?\d+\s*(?:층|호)(?:\s*(?:제\s*)?[Bb]?\d+\s*호)?)$/;
const DISTRICT = /^\S+[시군구]$/;

/**
 * A Korean address split into its canonical 시/도 (서울, 서울시 and 서울특별시 all become 서울특별시), 시/군/구, street,
 * unit (동/호, split off so that neighbours in one building still compare by district and street) and postcode.
 * A 시/군/구 alone is not used to guess the 시/도: 중구, 동구, 서구, 남구, 북구 and 강서구 exist in several.
 */
export function cleanAddress(input: string): CleanAddress {
  const raw = input.trim();
  let s = raw.normalize('NFKC').replace(/\s+/g, ' ').trim().replace(COUNTRY, '');
  const flags: AddressFlag[] = [];

  let postcode: string | null = null, legacyPostcode: string | null = null;
  for (const re of POSTCODE) {
    const m = re.exec(s);
    if (!m || (m[1]!.length === 5 && !POSTCODE_5.test(m[1]!))) continue;
    if (m[1]!.length === 5) postcode = m[1]!;
    else {
      legacyPostcode = m[1]!;
      flags.push('legacy-postcode');
    }
    s = (s.slice(0, m.index) + ' ' + s.slice(m.index + m[0].length)).replace(/\s+/g, ' ').trim();
    break;
  }

  let reference: string | null = null;
  const ref = REFERENCE.exec(s);
  if (ref) {
    reference = ref[1]!.trim() || null;
    s = s.slice(0, ref.index);
  }

  let unit: string | null = null;
  const comma = s.indexOf(',');
  // the detail after a road or lot number: "테헤란로 152, 101동 1203호" (not "서울, 강남구 ...")
  if (comma >= 0 && /\d/.test(s.slice(0, comma)) && /\d|[동호층]/.test(s.slice(comma + 1))) {
    unit = s.slice(comma + 1).trim();
    s = s.slice(0, comma);
  } else {
    const u = UNIT.exec(` ${s}`);
    if (u) {
      unit = u[1]!.trim();
      s = ` ${s}`.slice(0, u.index).trim();
    }
  }
  s = s.replace(/,/g, ' ').replace(/\s+/g, ' ').trim();

  const tokens = s ? s.split(' ') : [];
  const glued = GLUABLE_SIDO.find((a) => tokens[0]?.startsWith(a) && DISTRICT.test(tokens[0].slice(a.length)) && tokens[0].length - a.length >= 2);
  if (glued) tokens.splice(0, 1, glued, tokens[0]!.slice(glued.length));

  let sido: Sido | null = SIDO_BY_ALIAS.get(tokens[0] ?? '') ?? null;
  if (sido) {
    const written = tokens.shift()!;
    const next = tokens[0] ?? '';
    // 광주광역시 addresses name one of its five 구: "광주시 경안동" or "광주 오포읍" without one is 경기도 광주시
    if ((written === '광주시' && next && !GWANGJU_GU.has(next)) || (written === '광주' && /[읍면]$/.test(next))) {
      sido = '경기도';
      tokens.unshift('광주시');
      flags.push('sido-inferred');
    }
  }
  let sigungu: string | null = null;
  if (sido !== '세종특별자치시' && DISTRICT.test(tokens[0] ?? '')) {
    sigungu = tokens.shift()!;
    if (sigungu.endsWith('시') && /^\S+구$/.test(tokens[0] ?? '')) sigungu += ` ${tokens.shift()!}`;
  }
  if (!sido && tokens.length + (sigungu ? 1 : 0) > 0) flags.push('no-sido');
  const street = tokens.join(' ');
  const normalised = [sido, sigungu, street].filter(Boolean).join(' ');
  if (!normalised && !unit && !postcode) flags.push('empty');
  const district = sido && (sigungu || sido === '세종특별자치시') ? [sido, sigungu].filter(Boolean).join(' ') : null;
  return { raw, sido, sigungu, district, street, unit, reference, postcode, legacyPostcode, normalised, flags };
}
