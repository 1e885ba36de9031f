import { parsePhoneNumberFromString, type NumberType } from 'libphonenumber-js/max';

/**
 * mobile: 010 and the legacy 011/016/017/018/019; landline: 02 and the regional 0XX, and 070 internet phones (a line
 * of one household or office); shared: numbers that stand for a service or hide the person behind them (050X safe
 * numbers, 080 toll-free, 15XX/16XX/18XX representative numbers, 060 premium): kept, but never enough alone to link.
 */
export type PhoneKind = 'mobile' | 'landline' | 'shared' | 'invalid';

export interface CleanPhone {
  /** as the source wrote it, trimmed */
  raw: string;
  /** E.164 (`+821012345678`), null when the number is not valid */
  e164: string | null;
  kind: PhoneKind;
  /** libphonenumber's type (MOBILE, FIXED_LINE, UAN, PERSONAL_NUMBER, ...), null when invalid */
  type: NumberType | null;
  /** may be compared at all (valid) */
  matchable: boolean;
  /** may link two records by itself (valid and not shared) */
  alone: boolean;
}

const KIND: Partial<Record<NonNullable<NumberType>, PhoneKind>> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'landline',
  // outside Korea some plans do not tell the two apart: a personal line either way
  FIXED_LINE_OR_MOBILE: 'mobile',
  VOIP: 'landline',
  PERSONAL_NUMBER: 'shared',
  TOLL_FREE: 'shared',
  UAN: 'shared',
  SHARED_COST: 'shared',
  PREMIUM_RATE: 'shared',
  VOICEMAIL: 'shared',
  PAGER: 'shared',
};

/**
 * One phone number to E.164, with Korea as the default country, so `010-1234-5678`, `010 1234 5678`,
 * `+82-10-1234-5678`, `82 10 1234 5678` and `(02) 1234-5678` all parse. libphonenumber's full ("max") metadata is
 * used because only it tells the number types apart; the size does not matter on the server. An invalid number is
 * kept as written, kind `invalid`, and is never compared.
 */
export function cleanPhone(input: string): CleanPhone {
  const raw = input.normalize('NFKC').trim();
  // 0082-10-...: Korea dialled with a bare 00, which libphonenumber (knowing only Korea's own 001, 002... prefixes) refuses
  const parsed = raw ? parsePhoneNumberFromString(raw.replace(/^00[\s-]*82(?=[\s-]*\d)/, '+82'), 'KR') : undefined;
  if (!parsed || !parsed.isValid()) return { raw, e164: null, kind: 'invalid', type: null, matchable: false, alone: false };
  const type = parsed.getType() ?? null;
  const kind = (type && KIND[type]) || 'shared';
  return { raw, e164: parsed.number, kind, type, matchable: true, alone: kind !== 'shared' };
}
