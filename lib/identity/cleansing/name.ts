import { disassemble, getChoseong } from 'es-hangul';

export type NameScript = 'hangul' | 'latin' | 'mixed';
export type NameFlag = 'corporate' | 'empty';

export interface CleanName {
  raw: string;
  /** NFC, corporate markers removed, whitespace collapsed: what a person reads ("김민준", "Kim Min-jun") */
  display: string;
  /** for comparison: Hangul without spaces or punctuation, the surname's initial-sound variant folded (류 -> 유);
   * Latin lowercased, accents dropped, punctuation to spaces, spaces collapsed */
  key: string;
  /** key in jamo (ㄱㅣㅁㅁㅣㄴㅈㅜㄴ), compound vowels and finals split, for fuzzy comparison */
  jamo: string;
  /** initial consonants of the Hangul key (ㄱㅁㅈ), for blocking; empty for Latin */
  initials: string;
  script: NameScript | null;
  flags: NameFlag[];
}

// Markers that say "a company", in front of or behind the name: (주), ㈜, 주식회사, (유), 유한회사, (법인), (사)...
const CORPORATE = new RegExp(
  [
    String.raw`[(\[（]\s*(?:주|유|유한|합|합자|합명|사|재|법인|사단|재단|株|有|社|財)\s*[)\]）]`,
    '[㈜㈱㈲㈳㈶]',
    '주식회사|유한책임회사|유한회사|합자회사|합명회사|사단법인|재단법인',
    String.raw`\b(?:co\.?,?\s*ltd|inc|corp|ltd|llc)\b\.?`,
  ].join('|'),
  'giu',
);
const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7A3]/;
const LATIN = /[A-Za-z\u00C0-\u024F]/;

const SYLLABLE_BASE = 0xac00;
const RIEUL = 5, NIEUN = 2, IEUNG = 11;
// vowels before which an initial ㄹ is written ㅇ (량 -> 양, 려, 례, 료, 류, 리); before the others it becomes ㄴ (라 -> 나, 로 -> 노)
const TO_IEUNG = new Set([2, 6, 7, 12, 17, 20]); // ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ

/**
 * Surnames with an initial ㄹ have been registrable in both forms since 2007 (류/유, 리/이, 라/나, 림/임, 로/노, 량/양):
 * fold the first syllable to its initial-sound-law form so both compare equal. Only the first syllable, the surname:
 * 김리나 stays 김리나. Two-syllable surnames (남궁, 황보, 제갈, 선우) never start with ㄹ.
 */
export function foldSurname(key: string): string {
  const code = key.charCodeAt(0) - SYLLABLE_BASE;
  if (code < 0 || code > 11171) return key;
  const initial = Math.floor(code / 588), vowel = Math.floor((code % 588) / 28), final = code % 28;
  if (initial !== RIEUL) return key;
  const folded = SYLLABLE_BASE + ((TO_IEUNG.has(vowel) ? IEUNG : NIEUN) * 21 + vowel) * 28 + final;
  return String.fromCharCode(folded) + key.slice(1);
}

/** A person's or a company's name, cleaned for display and comparison. */
export function cleanName(input: string): CleanName {
  const raw = input.trim();
  const nfc = raw.normalize('NFC');
  const unmarked = nfc.replace(CORPORATE, ' ');
  const flags: NameFlag[] = unmarked === nfc ? [] : ['corporate'];
  const display = unmarked.replace(/\s+/g, ' ').replace(/^[\s,.\-·]+|[\s,.\-·]+$/g, '');
  const hangul = HANGUL.test(display), latin = LATIN.test(display);
  let key: string;
  if (hangul) key = foldSurname(display.replace(/[^\p{L}]/gu, '').toLowerCase());
  else key = display.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}]+/gu, ' ').trim();
  if (!key) flags.push('empty');
  return {
    raw, display, key,
    jamo: hangul ? disassemble(key) : key,
    initials: hangul ? getChoseong(key.replace(/[^\uAC00-\uD7A3]/g, '')) : '',
    script: !key ? null : hangul && latin ? 'mixed' : hangul ? 'hangul' : 'latin',
    flags,
  };
}
