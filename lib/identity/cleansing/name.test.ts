import { describe, expect, it } from 'vitest';
import { cleanName, foldSurname } from './name';

describe('name', () => {
  it('NFC: a name typed on a Mac (decomposed jamo) equals the composed one', () => {
    const nfd = '김민준'.normalize('NFD');
    expect(nfd).not.toBe('김민준');
    expect(cleanName(nfd)).toMatchObject({ display: '김민준', key: '김민준' });
  });

  it.each([['홍 길동', '홍길동'], ['  김   민 준 ', '김민준'], ['김\t민준', '김민준'], ['김민준2', '김민준'], ['김.민준', '김민준']])(
    'whitespace and punctuation removed for comparison: %j -> %s (the seed kept only 홍)',
    (raw, key) => expect(cleanName(raw).key).toBe(key),
  );

  it('display keeps the spacing people wrote, collapsed', () => {
    expect(cleanName('  홍   길동 ').display).toBe('홍 길동');
  });

  it.each([
    ['(주)삼성전자', '삼성전자'], ['삼성전자(주)', '삼성전자'], ['삼성전자 ( 주 )', '삼성전자'], ['㈜카카오', '카카오'], ['주식회사 카카오', '카카오'],
    ['카카오 주식회사', '카카오'], ['(법인)대한상사', '대한상사'], ['(유)한빛', '한빛'], ['유한회사 한빛', '한빛'], ['(사)한국소비자연맹', '한국소비자연맹'],
    ['재단법인 아름다운재단', '아름다운재단'], ['Samsung Electronics Co., Ltd.', 'samsung electronics'], ['Coupang, Inc.', 'coupang'],
  ])('corporate marker removed: %s -> %s', (raw, key) => {
    expect(cleanName(raw)).toMatchObject({ key, flags: ['corporate'] });
  });

  it('a person is not flagged corporate', () => {
    expect(cleanName('주민수').flags).toEqual([]);
    expect(cleanName('유재석').flags).toEqual([]);
  });

  it.each([['류현진', '유현진'], ['리나', '이나'], ['라미란', '나미란'], ['림꺽정', '임꺽정'], ['로민우', '노민우'], ['량기석', '양기석'], ['려운', '여운'], ['뢰명', '뇌명']])(
    'surname variant %s compares as %s',
    (variant, standard) => {
      expect(cleanName(variant).key).toBe(cleanName(standard).key);
      expect(cleanName(variant).jamo).toBe(cleanName(standard).jamo);
      expect(cleanName(variant).display).toBe(variant);
    },
  );

  it('only the first syllable (the surname) is folded', () => {
    expect(foldSurname('김리나')).toBe('김리나');
    expect(foldSurname('류리나')).toBe('유리나');
    expect(foldSurname('남궁민')).toBe('남궁민');
    expect(foldSurname('lee')).toBe('lee');
  });

  it('jamo form splits syllables, compound vowels and finals, and initials give the consonant skeleton', () => {
    expect(cleanName('김민준')).toMatchObject({ jamo: 'ㄱㅣㅁㅁㅣㄴㅈㅜㄴ', initials: 'ㄱㅁㅈ', script: 'hangul' });
    expect(cleanName('곽닭').jamo).toBe('ㄱㅗㅏㄱㄷㅏㄹㄱ');
    expect(cleanName('김민중').initials).toBe(cleanName('김민준').initials);
  });

  it.each([['KIM  Min-Jun', 'kim min jun'], ['kim min jun', 'kim min jun'], ['José García', 'jose garcia'], ['LEE, SEO-YEON', 'lee seo yeon']])(
    'Latin %j -> %s (lowercased, spaces collapsed)',
    (raw, key) => expect(cleanName(raw)).toMatchObject({ key, jamo: key, initials: '', script: 'latin' }),
  );

  it('a name that is only a marker or blank is empty', () => {
    expect(cleanName('(주)')).toMatchObject({ key: '', script: null, flags: ['corporate', 'empty'] });
    expect(cleanName('   ')).toMatchObject({ key: '', flags: ['empty'] });
  });
});
