import { describe, expect, it } from 'vitest';
import { cleanEmail } from './email';

describe('email', () => {
  it.each([
    ['  MinJun.Kim@Naver.com ', 'minjun.kim@naver.com'], ['kim＠daum.net', 'kim@daum.net'], ['hong+shop@gmail.com', 'hong+shop@gmail.com'],
    ['park_sy@company.co.kr', 'park_sy@company.co.kr'], ['mailto:Kim@Kakao.com', 'kim@kakao.com'],
  ])('%j -> trimmed, lowercased, matchable', (raw, value) => {
    expect(cleanEmail(raw)).toEqual({ raw: raw.trim(), value, valid: true, matchable: true, flags: [] });
  });

  it.each(['kim@naver', 'kim.naver.com', 'kim@@naver.com', '.kim@naver.com', 'kim.@naver.com', 'kim..lee@naver.com', '김민준@naver.com', 'lee@없음.kr', 'kim@naver.c', 'kim @naver.com', '', '없음'])(
    'invalid %j kept, flagged, not matchable',
    (raw) => {
      const e = cleanEmail(raw);
      expect(e).toMatchObject({ valid: false, matchable: false, flags: ['invalid'] });
      expect(e.raw).toBe(raw.trim());
    },
  );

  it.each(['none@none.com', 'test@test.com', 'noemail@naver.com', 'kim@example.com'])('placeholder %s is valid but never compared', (raw) => {
    expect(cleanEmail(raw)).toMatchObject({ valid: true, matchable: false, flags: ['placeholder'] });
  });
});
