import { describe, expect, it } from 'vitest';
import { cleanBirth } from './birth';

const today = '2026-12-15';
const at = (s: string | number | Date) => cleanBirth(s, { today });

describe('birth date', () => {
  it.each(['19900102', '1990-01-02', '1990.01.02', '1990/1/2', '1990. 1. 2.', '1990년 1월 2일', '1990-01-02T00:00:00.000Z', '1990-01-02 00:00:00', 19900102])(
    '%j -> 1990-01-02',
    (raw) => expect(at(raw)).toEqual({ date: '1990-01-02', year: 1990, gender: null, source: 'date', flags: [] }),
  );

  it('a Date is read by its UTC day', () => {
    expect(at(new Date(Date.UTC(1985, 4, 31)))).toMatchObject({ date: '1985-05-31' });
  });

  it.each([
    ['900102-1234567', '1990-01-02', 'M'], ['900102-2234567', '1990-01-02', 'F'], ['050315-3234567', '2005-03-15', 'M'],
    ['050315-4234567', '2005-03-15', 'F'], // the seed put digit 4 in the 1900s
    ['900102-5234567', '1990-01-02', 'M'], ['900102-6234567', '1990-01-02', 'F'], ['100102-7234567', '2010-01-02', 'M'],
    ['100102-8234567', '2010-01-02', 'F'], ['990102-9234567', '1899-01-02', 'M'], ['990102-0234567', '1899-01-02', 'F'],
    ['9001021234567', '1990-01-02', 'M'], ['900102 - 2', '1990-01-02', 'F'], ['9001022', '1990-01-02', 'F'], ['900102-1******', '1990-01-02', 'M'],
    ['０５０３１５－４２３４５６７', '2005-03-15', 'F'],
  ])('resident registration number %s -> %s %s', (raw, date, gender) => {
    expect(at(raw)).toEqual({ date, year: +date.slice(0, 4), gender, source: 'rrn', flags: [] });
  });

  it('keeps nothing of the registration number past the gender digit', () => {
    const b = at('900102-1234567');
    expect(JSON.stringify(b)).not.toMatch(/234567/);
    expect(Object.keys(b).sort()).toEqual(['date', 'flags', 'gender', 'source', 'year']);
  });

  it.each([
    ['900102', '1990-01-02'], ['050315', '2005-03-15'], ['261215', '2026-12-15'], ['261216', '1926-12-16'], ['90-01-02', '1990-01-02'],
    ['900102-*******', '1990-01-02'],
  ])('six digits without a gender digit %s pivot to %s (20YY unless that is after today)', (raw, date) => {
    expect(at(raw)).toEqual({ date, year: +date.slice(0, 4), gender: null, source: 'yymmdd', flags: ['pivoted'] });
  });

  it.each(['19900230', '1990-02-30', '900230-1234567', '19910229', '19901301', '900100', '20270101', '1799-12-31', '1990-01', 'unknown', '', '900102-', '90010212'])(
    '%j refused',
    (raw) => expect(at(raw)).toEqual({ date: null, year: null, gender: null, source: null, flags: ['invalid'] }),
  );

  it('leap days exist only in leap years', () => {
    expect(at('20000229').date).toBe('2000-02-29');
    expect(at('000229-3').date).toBe('2000-02-29');
    expect(at('19000229').date).toBeNull();
  });
});
