import { describe, expect, it } from 'vitest';
import { mapRow, parseFieldMap, sourceName } from './csv-map';

const header = ['member_no', 'surname', 'given_name', 'mobile', 'home', 'mail', 'dob'];

describe('the CSV field map of identity:import', () => {
  it('joins columns with +: a name from its parts, several phone columns as several numbers', () => {
    const map = parseFieldMap('id=member_no, name=surname+given_name, phone=mobile, phones=home, email=mail, birthDate=dob', header);
    expect(mapRow({ member_no: '17', surname: '김', given_name: '민준', mobile: '010 1234 5678', home: '02-555-1234', mail: 'MJ@naver.com', dob: '900102' }, map)).toEqual({
      id: '17', source: { name: '김 민준', phones: ['010 1234 5678', '02-555-1234'], email: 'MJ@naver.com', birth: '900102', address: null }, createdAt: null, updatedAt: null,
    });
  });

  it('says what is wrong with a map', () => {
    expect(() => parseFieldMap('nam=surname', header)).toThrow(/unknown field "nam"; the fields are id, name/);
    expect(() => parseFieldMap('name=surname+first', header)).toThrow(/names column "first", not in the CSV header/);
    expect(() => parseFieldMap('birthDate=dob', header)).toThrow(/at least one of name, phone, phones, email/);
    expect(() => parseFieldMap('name', header)).toThrow(/is not field=column/);
    expect(sourceName.safeParse('legacy').success).toBe(false);
    expect(sourceName.safeParse('LEGACY_2020').success).toBe(true);
  });
});
