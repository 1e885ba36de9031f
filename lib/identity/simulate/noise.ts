import { romanize } from 'es-hangul';
import type { Home } from './korean';
import { SURNAME_WITHOUT_RIEUL, jamoTypo } from './korean';
import { chance, pick, Weighted, type Rng } from './random';
import type { SourceName } from './sources';

/**
 * How often each kind of noise happens. `person` rates are drawn once per person, `record` rates once per source
 * record; a change (move, new email, new number) shows only when the person has records from before and after it.
 */
export interface NoiseRates {
  /** person: in each source (someone in none is put in one, drawn by these weights) */
  inDI: number; inOM: number; inCX: number;
  /** person in DI: a second DI record, a consultation contact beside the customer */
  diSecondRecord: number;
  /** person in OM: a second shop account with another email */
  omSecondAccount: number;
  /** person in CX: a duplicate contact an agent created */
  cxDuplicate: number;
  /** person: joins a recent household (spouse or child): same address and landline, sometimes the head's mobile */
  family: number;
  /** family member: one record carries the household head's mobile (a parent signing a child up) */
  familySharesMobile: number;
  /** family member: one record carries the head's email */
  familySharesEmail: number;
  /** person: the same name as someone recent, a different birth date, half the time in the same district */
  namesake: number;
  /** household: has a landline; CX lists it beside the mobile at `landlineInCx`, DI writes it instead of the mobile at `landlineInDi` */
  landline: number; landlineInCx: number; landlineInDi: number;
  /** person: moved; the records after the move have the new address */
  moved: number;
  /** person: changed email; the records after the change have the new one */
  emailChanged: number;
  /** person: changed mobile number */
  mobileChanged: number;
  /** person born before 1975: a legacy 011/016/017/018/019 number; `legacyUpgraded` of them moved to 010 since */
  legacyMobile: number; legacyUpgraded: number;
  /** record: a jamo substitution in the given name (김민준 -> 김민중) */
  nameTypo: number;
  /** record of someone with a ㄹ surname (류, 리, 림, 라, 로, 량): written the other way (유, 이, 임, 나, 노, 양) */
  surnameVariant: number;
  /** record: a space after the surname (김 민준) */
  nameSpace: number;
  /** DI record: a corporate marker on the person's name (김민준(주)) */
  corporateMarker: number;
  /** record: the email cased or padded (Kim@Naver.com ) */
  emailCase: number;
  /** DI / CX record: no email; `placeholderEmail` of those carry none@none.com instead */
  diEmailMissing: number; cxEmailMissing: number; placeholderEmail: number;
  /** record: no address (DI region, OM addr, CX address) */
  diRegionMissing: number; omAddrMissing: number; cxAddressMissing: number;
  /** record: postcode written in front; unit left out; 시/도 glued to its district (서울특별시강남구) */
  postcode: number; unitDropped: number; gluedSido: number;
  /** OM record: no birth date; CX record: the registration number's front asked */
  omBirthMissing: number; cxRrn: number;
  /** record with a birth date: one digit of the day wrong */
  birthTypo: number;
}

export const DEFAULT_NOISE: Readonly<NoiseRates> = Object.freeze({
  inDI: 0.45, inOM: 0.65, inCX: 0.4,
  diSecondRecord: 0.2, omSecondAccount: 0.02, cxDuplicate: 0.05,
  family: 0.12, familySharesMobile: 0.3, familySharesEmail: 0.05,
  namesake: 0.02,
  landline: 0.35, landlineInCx: 0.6, landlineInDi: 0.05,
  moved: 0.08, emailChanged: 0.07, mobileChanged: 0.04,
  legacyMobile: 0.1, legacyUpgraded: 0.5,
  nameTypo: 0.03, surnameVariant: 0.3, nameSpace: 0.04, corporateMarker: 0.01,
  emailCase: 0.03, diEmailMissing: 0.35, cxEmailMissing: 0.25, placeholderEmail: 0.05,
  diRegionMissing: 0.2, omAddrMissing: 0.1, cxAddressMissing: 0.3,
  postcode: 0.15, unitDropped: 0.1, gluedSido: 0.02,
  omBirthMissing: 0.1, cxRrn: 0.5, birthTypo: 0.003,
});

export type PhoneFormat = 'dashes' | 'digits' | 'spaces' | 'intl-dashes' | 'intl-spaces' | 'dots';
const PHONE_FORMATS: Record<SourceName, Weighted<PhoneFormat>> = {
  DI: Weighted.of([['dashes', 60], ['digits', 20], ['spaces', 10], ['intl-dashes', 5], ['dots', 5]]),
  OM: Weighted.of([['digits', 85], ['dashes', 15]]),
  CX: Weighted.of([['dashes', 40], ['digits', 20], ['spaces', 15], ['intl-dashes', 15], ['intl-spaces', 10]]),
};

/** A number (national digits, "01023456789", "0212345678") written the way the source tends to. */
export function writePhone(rng: Rng, source: SourceName, digits: string, noise: string[]): string {
  const area = digits.startsWith('02') ? 2 : 3;
  const parts = [digits.slice(0, area), digits.slice(area, digits.length - 4), digits.slice(-4)];
  const format = PHONE_FORMATS[source].draw(rng);
  if (format !== 'dashes') noise.push(`phone:${format}`);
  switch (format) {
    case 'dashes': return parts.join('-');
    case 'digits': return digits;
    case 'spaces': return parts.join(' ');
    case 'dots': return parts.join('.');
    case 'intl-dashes': return `+82-${parts[0]!.slice(1)}-${parts[1]}-${parts[2]}`;
    case 'intl-spaces': return `+82 ${parts[0]!.slice(1)} ${parts[1]} ${parts[2]}`;
  }
}

/** A name as one record writes it: surname variant, typo, space, corporate marker. */
export function writeName(rng: Rng, rates: NoiseRates, source: SourceName, surname: string, given: string, noise: string[]): string {
  let sur = surname;
  if (SURNAME_WITHOUT_RIEUL[sur] && chance(rng, rates.surnameVariant)) {
    sur = SURNAME_WITHOUT_RIEUL[sur]!;
    noise.push('name:surname-variant');
  }
  let name = sur + given;
  if (chance(rng, rates.nameTypo)) {
    const typo = jamoTypo(rng, name, sur.length);
    if (typo !== name) noise.push('name:typo');
    name = typo;
  }
  if (chance(rng, rates.nameSpace)) {
    name = `${name.slice(0, sur.length)} ${name.slice(sur.length)}`;
    noise.push('name:space');
  }
  if (source === 'DI' && chance(rng, rates.corporateMarker)) {
    name = pick(rng, [`${name}(주)`, `${name} (법인)`, `(주)${name}`]);
    noise.push('name:corporate');
  }
  return name;
}

export function writeEmail(rng: Rng, rates: NoiseRates, email: string, noise: string[]): string {
  if (!chance(rng, rates.emailCase)) return email;
  noise.push('email:case');
  return pick(rng, [email[0]!.toUpperCase() + email.slice(1), email.toUpperCase(), ` ${email} `]);
}

const SIDO_FORM: Record<SourceName, Weighted<number>> = {
  DI: Weighted.of([[0, 20], [1, 60], [2, 20]]),
  OM: Weighted.of([[0, 70], [1, 25], [2, 5]]),
  CX: Weighted.of([[0, 40], [1, 45], [2, 15]]),
};

function writeSido(rng: Rng, source: SourceName, home: Home, noise: string[]): string {
  const { written } = home.province;
  const form = Math.min(SIDO_FORM[source].draw(rng), written.length - 1);
  if (form > 0) noise.push('address:sido-alias');
  return written[form]!;
}

/** DI's region: 시/도 and 시/군/구 ("서울 강남구"), now and then the 시/도 alone. */
export function writeRegion(rng: Rng, home: Home, noise: string[]): string {
  const sido = writeSido(rng, 'DI', home, noise);
  if (!home.district || chance(rng, 0.1)) return sido;
  return `${sido} ${home.district}`;
}

/** A whole address: 시/도 in one of its forms, district, street, the unit after a space or a comma, a postcode in front. */
export function writeAddress(rng: Rng, rates: NoiseRates, source: SourceName, home: Home, noise: string[]): string {
  const sido = writeSido(rng, source, home, noise);
  let head: string;
  if (home.district && !home.district.includes(' ') && sido === home.province.written[0] && chance(rng, rates.gluedSido)) {
    head = sido + home.district;
    noise.push('address:glued');
  } else head = home.district ? `${sido} ${home.district}` : sido;
  let text = `${head} ${home.street}`;
  if (home.unit) {
    if (chance(rng, rates.unitDropped)) noise.push('address:no-unit');
    else text += chance(rng, 0.4) ? `, ${home.unit}` : ` ${home.unit}`;
  }
  if (chance(rng, rates.postcode)) {
    noise.push('address:postcode');
    text = chance(rng, 0.5) ? `(${home.postcode}) ${text}` : `[${home.postcode}] ${text}`;
  }
  return text;
}

const COMPANIES = ['한빛건설', '대한상사', '미래전자', '동방물산', '새한테크', '우리산업', '가람소프트', '태평양물류', '서해식품', '누리통신'];

/** DI's company column: an employer with its marker written any of the usual ways. */
export function writeCompany(rng: Rng): string {
  const c = pick(rng, COMPANIES);
  return pick(rng, [`(주)${c}`, `${c}(주)`, `주식회사 ${c}`, `㈜${c}`, `${c} (주)`, c]);
}

// How Koreans spell their surname in email addresses, not the Revised Romanisation (김 -> kim, not gim)
const SURNAME_LATIN: Record<string, string> = {
  김: 'kim', 이: 'lee', 박: 'park', 최: 'choi', 정: 'jung', 강: 'kang', 조: 'cho', 윤: 'yoon', 장: 'jang', 임: 'lim', 한: 'han',
  오: 'oh', 서: 'seo', 신: 'shin', 권: 'kwon', 황: 'hwang', 안: 'ahn', 송: 'song', 전: 'jeon', 홍: 'hong', 유: 'yoo', 류: 'ryu',
  고: 'ko', 문: 'moon', 양: 'yang', 손: 'son', 배: 'bae', 백: 'baek', 허: 'heo', 노: 'noh', 남: 'nam', 심: 'shim', 하: 'ha',
  곽: 'kwak', 성: 'sung', 차: 'cha', 주: 'joo', 우: 'woo', 구: 'koo', 민: 'min', 나: 'na', 진: 'jin', 지: 'ji', 리: 'ri',
};
const latinCache = new Map<string, string>();
/** A Hangul word in Latin letters for an email's local part, cached (there are a few hundred distinct names). */
export function latin(word: string): string {
  let s = SURNAME_LATIN[word] ?? latinCache.get(word);
  if (s === undefined) {
    s = romanize(word).toLowerCase().replace(/[^a-z]/g, '');
    latinCache.set(word, s);
  }
  return s;
}
