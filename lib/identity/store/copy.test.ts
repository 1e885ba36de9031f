import { describe, expect, it } from 'vitest';
import { copyField, copyTextArray } from './copy';

describe('COPY text format', () => {
  it('escapes backslash, tab, newline and carriage return, and writes null as \\N', () => {
    expect(copyField('김민준')).toBe('김민준');
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField(0.95)).toBe('0.95');
    // a JSON value: its own escapes survive (the backslash doubled for COPY, undone by PostgreSQL)
    expect(copyField(JSON.stringify({ s: 'say "hi"\n' }))).toBe('{"s":"say \\\\"hi\\\\"\\\\n"}');
  });

  it('writes text[] literals with every element quoted', () => {
    expect(copyTextArray([])).toBe('{}');
    expect(copyTextArray(['+821012345678', '+8221234567'])).toBe('{"+821012345678","+8221234567"}');
    expect(copyTextArray(['a "b"', 'c\\d', 'e,f'])).toBe('{"a \\\\"b\\\\"","c\\\\\\\\d","e,f"}');
  });
});
