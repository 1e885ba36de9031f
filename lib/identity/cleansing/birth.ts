export type Gender = 'M' | 'F';
/** rrn: the front of a resident registration number with its gender digit; date: a four-digit year; yymmdd: a
 * two-digit year without a gender digit, its century pivoted */
export type BirthSource = 'rrn' | 'date' | 'yymmdd';
export type BirthFlag = 'invalid' | 'pivoted';

/** Only the date and the gender: nothing of a resident registration number past its gender digit is ever kept. */
export interface CleanBirth {
  /** YYYY-MM-DD */
  date: string | null;
  year: number | null;
  gender: Gender | null;
  source: BirthSource | null;
  flags: BirthFlag[];
}

const RRN_CENTURY: Record<string, number> = { 1: 1900, 2: 1900, 5: 1900, 6: 1900, 3: 2000, 4: 2000, 7: 2000, 8: 2000, 9: 1800, 0: 1800 };
const INVALID: CleanBirth = Object.freeze({ date: null, year: null, gender: null, source: null, flags: ['invalid'] }) as CleanBirth;

const RRN = /^(\d{2})(\d{2})(\d{2})(?:\s*-\s*([0-9])[0-9*xX●]{0,6}|([0-9])(?:[0-9*xX●]{6})?)$/;
const RRN_MASKED = /^(\d{2})(\d{2})(\d{2})\s*-\s*[*xX●]{1,7}$/;
const YYYYMMDD = /^(\d{4})(\d{2})(\d{2})$/;
const WITH_YEAR = /^(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*일?\.?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const YYMMDD = /^(\d{2})(\d{2})(\d{2})$|^(\d{2})[-./](\d{1,2})[-./](\d{1,2})$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const kstToday = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);

function ymd(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > days ? null : `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/**
 * A birth date from `19900102`, `1990-01-02` (or `.`/`/`/`년 월 일`), `900102`, or the front of a resident registration
 * number (`900102-1234567`, `9001021234567`, masked `900102-1******`), whose gender digit gives the century (1, 2, 5, 6:
 * 1900s; 3, 4, 7, 8: 2000s; 9, 0: 1800s) and the gender (odd M, even F). A six-digit date without a gender digit is
 * pivoted: the 2000s unless that date would be after today, then the 1900s (`today`, YYYY-MM-DD, defaults to Korea's
 * today; pass it for repeatable runs). A date that does not exist (Feb 30), before 1800 or after today is refused.
 * A `Date` is read by its UTC calendar day.
 */
export function cleanBirth(input: string | number | Date, { today = kstToday() }: { today?: string } = {}): CleanBirth {
  let y: number, m: number, d: number, gender: Gender | null = null, source: BirthSource, pivoted = false;
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return INVALID;
    [y, m, d, source] = [input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate(), 'date'];
  } else {
    const s = String(input).normalize('NFKC').trim();
    let g: RegExpExecArray | null;
    if ((g = YYYYMMDD.exec(s)) || (g = WITH_YEAR.exec(s))) [y, m, d, source] = [+g[1]!, +g[2]!, +g[3]!, 'date'];
    else if ((g = RRN.exec(s))) {
      const digit = (g[4] ?? g[5])!;
      [y, m, d, source] = [RRN_CENTURY[digit]! + +g[1]!, +g[2]!, +g[3]!, 'rrn'];
      gender = +digit % 2 === 1 ? 'M' : 'F';
    } else if ((g = RRN_MASKED.exec(s)) || (g = YYMMDD.exec(s))) {
      const [yy, mm, dd] = g[1] !== undefined ? [+g[1], +g[2]!, +g[3]!] : [+g[4]!, +g[5]!, +g[6]!];
      const recent = ymd(2000 + yy, mm, dd);
      pivoted = true;
      [y, m, d, source] = [recent && recent <= today ? 2000 + yy : 1900 + yy, mm, dd, 'yymmdd'];
    } else return INVALID;
  }
  const date = ymd(y, m, d);
  if (!date || y < 1800 || date > today) return INVALID;
  return { date, year: y, gender, source, flags: pivoted ? ['pivoted'] : [] };
}
