import type { CleanAddress } from '../cleansing/address';
import type { Comparison } from './comparison';

/** Two dates (YYYY-MM-DD) equal; a missing one never matches. */
export function dateEqualMatch({ field = 'birth', a, b }: { field?: string; a: string | null | undefined; b: string | null | undefined }): Comparison {
  if (!a || !b) return { field, method: 'date-equal', matched: false, score: 0, explanation: `${field} ${a || '(none)'} vs ${b || '(none)'}: nothing to compare, never a match` };
  const matched = a === b;
  return { field, method: 'date-equal', matched, score: matched ? 1 : 0, explanation: `${field} ${a} ${matched ? '=' : '≠'} ${b}: ${matched ? 'same date' : 'different dates'}` };
}

type District = Pick<CleanAddress, 'sido' | 'sigungu' | 'district'>;

/**
 * Same 시/도 and 시/군/구. A large city with and without its 일반구 ("수원시" and "수원시 영통구") counts as the same
 * district, said so in the explanation; an address without a 시/도 never matches (중구 is in six of them).
 */
export function sameDistrictMatch({ field = 'address', a, b }: { field?: string; a: District | null | undefined; b: District | null | undefined }): Comparison {
  if (!a?.district || !b?.district) {
    return { field, method: 'same-district', matched: false, score: 0, explanation: `${field} ${a?.district ?? '(no district)'} vs ${b?.district ?? '(no district)'}: nothing to compare, never a match` };
  }
  const city = (s: string | null) => s?.split(' ')[0] ?? null;
  const exact = a.district === b.district;
  const sameCity = !exact && a.sido === b.sido && city(a.sigungu) === city(b.sigungu) && (a.sigungu === city(a.sigungu) || b.sigungu === city(b.sigungu));
  const matched = exact || sameCity;
  const how = exact ? 'same district' : sameCity ? 'same city, one side without its 구' : 'different districts';
  return { field, method: 'same-district', matched, score: exact ? 1 : sameCity ? 0.9 : 0, explanation: `${field} ${a.district} ${matched ? '=' : '≠'} ${b.district}: ${how}` };
}
