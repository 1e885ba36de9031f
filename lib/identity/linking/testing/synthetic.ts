import { mulberry32, type Rng } from '../../../platform/random';
import { cleanse, type SourceRecord } from '../../cleansing/cleanse';
import type { Change, LinkRecord } from '../types';

/**
 * Small synthetic customers for linking tests (the full simulator with ground truth is item 13's): people with one to
 * three source records, typos in names, phones in every format, families sharing a mobile, namesakes, a shared
 * virtual number, moves and edits; and a change stream (upserts, edits, deletes, manual merges and bans).
 */
export const rng = mulberry32;
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const SURNAMES = ['김', '김', '김', '이', '이', '박', '최', '정', '강', '조', '윤', '류', '남궁'];
const GIVEN = ['민준', '서연', '지훈', '서윤', '도윤', '하은', '예준', '지우', '시우', '수아', '영수', '영희', '현우', '지민', '은주'];
const DISTRICTS = [['서울', '서울특별시', '강남구'], ['서울시', '서울특별시', '송파구'], ['부산', '부산광역시', '해운대구'], ['경기', '경기도', '수원시 영통구'], ['인천', '인천광역시', '남동구']] as const;

/** one jamo typo: the vowel of one given-name syllable replaced */
function typo(r: Rng, name: string, surnameLength: number): string {
  const i = int(r, surnameLength, name.length - 1);
  const code = name.charCodeAt(i) - 0xac00;
  const vowel = Math.floor((code % 588) / 28);
  const next = (vowel + int(r, 1, 20)) % 21;
  return name.slice(0, i) + String.fromCharCode(0xac00 + Math.floor(code / 588) * 588 + next * 28 + (code % 28)) + name.slice(i + 1);
}

const phoneFormats = [(d: string) => d, (d: string) => `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`, (d: string) => `+82 ${d.slice(1, 3)} ${d.slice(3, 7)} ${d.slice(7)}`, (d: string) => `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`];

interface Person {
  surname: string;
  name: string;
  birth: string;
  mobile: string;
  email: string;
  district: (typeof DISTRICTS)[number];
}

export function syntheticRecords(seed: number, people: number, { today = '2026-12-15' } = {}): LinkRecord[] {
  const r = rng(seed);
  const persons: Person[] = [];
  for (let p = 0; p < people; p++) {
    const family = persons.length > 0 && r() < 0.12 ? pick(r, persons) : null;
    const namesake = persons.length > 0 && r() < 0.1 ? pick(r, persons) : null;
    const surname = family?.surname ?? namesake?.surname ?? pick(r, SURNAMES);
    persons.push({
      surname,
      name: namesake?.name ?? surname + pick(r, GIVEN),
      birth: `${int(r, 1950, 2005)}${pad(int(r, 1, 12))}${pad(int(r, 1, 28))}`,
      mobile: family && r() < 0.7 ? family.mobile : `010${pad(int(r, 0, 9999), 4)}${pad(int(r, 0, 9999), 4)}`,
      email: `user${seed}x${p}@${pick(r, ['naver.com', 'daum.net', 'gmail.com'])}`,
      district: family?.district ?? pick(r, DISTRICTS),
    });
  }
  const out: LinkRecord[] = [];
  persons.forEach((p, i) => {
    const count = int(r, 1, 3);
    for (let j = 0; j < count; j++) {
      const source = ['DI', 'OM', 'CX'][j]!;
      const name = r() < 0.25 ? typo(r, p.name, p.surname.length) : r() < 0.2 ? `${p.surname} ${p.name.slice(p.surname.length)}` : p.name;
      const phones = [r() < 0.15 ? `010${pad(int(r, 0, 9999), 4)}${pad(int(r, 0, 9999), 4)}` : pick(r, phoneFormats)(p.mobile)];
      if (r() < 0.1) phones.push('0505-100-2000'); // a virtual number many records carry
      const birth = r() < 0.2 ? null : r() < 0.5 ? p.birth : `${p.birth.slice(2)}-${+p.birth.slice(0, 4) < 2000 ? 1 : 3}`;
      const email = r() < 0.3 ? null : r() < 0.2 ? p.email.toUpperCase() : p.email;
      const [written, , gu] = r() < 0.1 ? pick(r, DISTRICTS) : p.district;
      const source_: SourceRecord = { name, phones, email, birth, address: `${written} ${gu} 테스트로 ${int(r, 1, 300)}` };
      out.push({ key: `${source}:${seed}-${i}`, createdAt: `2020-01-01T00:00:${pad(int(r, 0, 59))}.${pad(int(r, 0, 999), 3)}Z`, l1: cleanse(source_, { today }) });
    }
  });
  return out;
}

/**
 * A change stream over the records: each record upserted, a third of them edited again (another record's fields:
 * a typo fixed, a new phone), a tenth deleted, a few manual merges and bans; interleaved at random but, as a Kafka
 * partition keeps them, in order per record key.
 */
export function syntheticChanges(seed: number, records: readonly LinkRecord[]): Change[] {
  const r = rng(seed * 7919 + 1);
  const perKey = new Map<string, Change[]>();
  for (const rec of records) {
    const list: Change[] = [{ type: 'upsert', record: rec }];
    if (r() < 0.33) list.push({ type: 'upsert', record: { ...rec, l1: pick(r, records).l1 } }, { type: 'upsert', record: rec });
    if (r() < 0.1) list.push({ type: 'delete', key: rec.key });
    perKey.set(rec.key, list);
  }
  for (let i = 0; i < 6; i++) {
    const [a, b] = [pick(r, records).key, pick(r, records).key];
    if (a !== b) perKey.set(`merge-${i}`, [{ type: 'merge', merge: { id: `m${i}`, a, b } }]);
    // "not the same person" said of two records of one person (DI:s-i and OM:s-i), which the rules would link
    const c = pick(r, records).key;
    const d = records.find((x) => x.key !== c && x.key.slice(3) === c.slice(3))?.key;
    if (d) perKey.set(`ban-${i}`, [{ type: 'ban', ban: { id: `b${i}`, a: [c], b: [d] } }]);
  }
  return interleave(r, perKey);
}

/** a random interleaving of the per-key lists, each list's order kept */
export function interleave<T>(r: Rng, perKey: ReadonlyMap<string, readonly T[]>): T[] {
  const slots: string[] = [];
  for (const [k, list] of perKey) for (let i = 0; i < list.length; i++) slots.push(k);
  for (let i = slots.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [slots[i], slots[j]] = [slots[j]!, slots[i]!];
  }
  const next = new Map<string, number>();
  return slots.map((k) => {
    const n = next.get(k) ?? 0;
    next.set(k, n + 1);
    return perKey.get(k)![n]!;
  });
}
