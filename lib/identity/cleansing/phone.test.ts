import { describe, expect, it } from 'vitest';
import { cleanPhone } from './phone';

describe('phone to E.164', () => {
  it.each([
    '01012345678', '010 1234 5678', '010-1234-5678', '010.1234.5678', '(010) 1234-5678', '+82-10-1234-5678', '+82 10 1234 5678',
    '82 10 1234 5678', '8201012345678', '+82 (0)10 1234 5678', ' ０１０－１２３４－５６７８ ', '0082-10-1234-5678', 'tel:010-1234-5678',
    '010-1234-5678 (휴대폰)', '010-1234-5678 ext. 12',
  ])('mobile %s -> +821012345678', (raw) => {
    expect(cleanPhone(raw)).toMatchObject({ e164: '+821012345678', kind: 'mobile', matchable: true, alone: true });
  });

  it.each([
    ['011-123-4567', '+82111234567'], ['011-1234-5678', '+821112345678'], ['016-123-4567', '+82161234567'],
    ['017 1234 5678', '+821712345678'], ['018-123-4567', '+82181234567'], ['0191234567', '+82191234567'],
  ])('legacy mobile prefix %s -> %s', (raw, e164) => {
    expect(cleanPhone(raw)).toMatchObject({ e164, kind: 'mobile', alone: true });
  });

  it.each([
    ['02-123-4567', '+8221234567'], ['(02) 1234-5678', '+82212345678'], ['02.1234.5678', '+82212345678'], ['82-2-123-4567', '+8221234567'],
    ['031-123-4567', '+82311234567'], ['031 1234 5678', '+823112345678'], ['051-123-4567', '+82511234567'], ['064-712-3456', '+82647123456'],
    ['070-1234-5678', '+827012345678'],
  ])('landline %s -> %s', (raw, e164) => {
    expect(cleanPhone(raw)).toMatchObject({ e164, kind: 'landline', matchable: true, alone: true });
  });

  it.each([
    ['0505-123-4567', '+825051234567', 'PERSONAL_NUMBER'], ['0502-1234-5678', '+8250212345678', 'PERSONAL_NUMBER'],
    ['080-123-4567', '+82801234567', 'TOLL_FREE'], ['1588-1234', '+8215881234', 'UAN'], ['1544 1234', '+8215441234', 'UAN'],
    ['1600-1234', '+8216001234', 'UAN'], ['1644-1234', '+8216441234', 'UAN'], ['1800-1234', '+8218001234', 'UAN'],
    ['060-700-1234', '+82607001234', 'PREMIUM_RATE'],
  ])('shared or virtual %s -> %s, kept but never alone', (raw, e164, type) => {
    expect(cleanPhone(raw)).toEqual({ raw, e164, kind: 'shared', type, matchable: true, alone: false });
  });

  it.each(['12345', '010-123', '0130-123-4567', '전화없음', '', '   ', '010-1234-56789'])('invalid %j kept raw, not matchable', (raw) => {
    expect(cleanPhone(raw)).toEqual({ raw: raw.trim(), e164: null, kind: 'invalid', type: null, matchable: false, alone: false });
  });

  it('a foreign number keeps its own country code', () => {
    expect(cleanPhone('+1 202 555 0143')).toMatchObject({ e164: '+12025550143', matchable: true });
    expect(cleanPhone('+1 (202) 555-0143')).toMatchObject({ e164: '+12025550143', matchable: true });
    expect(cleanPhone('+44 20 7946 0958')).toMatchObject({ e164: '+442079460958', matchable: true });
  });

  it('two numbers in one field are not one number', () => {
    expect(cleanPhone('010-1234-5678 / 02-123-4567').kind).toBe('invalid');
  });
});
