import { describe, expect, it } from 'vitest';
import { cxContactInput } from '../sources/cx-contacts';
import { eraseInput, mergeInput, splitInput } from './schemas';
import { searchKind } from './search';

const id = 'a'.repeat(32), other = 'b'.repeat(32);

describe('staff inputs of Customer 360', () => {
  it('search tells a phone in any format, an email and a name apart', () => {
    for (const q of ['010-1234-5678', '+82 10 1234 5678', '01012345678', '(02) 555-1234']) expect(searchKind(q)).toBe('phone');
    expect(searchKind(' MJ@Naver.com')).toBe('email');
    for (const q of ['김 민준', '김민중', 'Kim Minjun', '010']) expect(searchKind(q)).toBe('name');
  });

  it('split names the field that is wrong; merge refuses a profile with itself; erase wants ERASE typed', () => {
    const split = splitInput.safeParse({ profileId: 'x', recordKeys: [], why: '' });
    expect(split.success).toBe(false);
    expect(split.error!.issues.map((i) => i.path[0]).sort()).toEqual(['profileId', 'recordKeys', 'why']);
    const merge = mergeInput.safeParse({ profileId: id, otherProfileId: id, why: 'same person, called twice' });
    expect(merge.error!.issues).toEqual([expect.objectContaining({ path: ['otherProfileId'] })]);
    expect(mergeInput.safeParse({ profileId: id, otherProfileId: other, why: 'same person' }).success).toBe(true);
    expect(eraseInput.safeParse({ profileId: id, why: 'asked by the customer', confirm: 'erase' }).error!.issues[0]!.message).toMatch(/Type ERASE/);
  });

  it('a CX contact keeps what the agent typed, phones split per line or comma, and says which field is wrong', () => {
    const ok = cxContactInput.parse({ fullName: ' (주)한빛 홍길동 ', phones: '010 1234 5678, +82-2-555-1234', email: '', address: '서울시 강남구', rrnFront: '900102-1' });
    expect(ok).toEqual({ fullName: '(주)한빛 홍길동', phones: ['010 1234 5678', '+82-2-555-1234'], email: null, address: '서울시 강남구', rrnFront: '900102-1' });
    const bad = cxContactInput.safeParse({ fullName: '', phones: 'call me', email: '', address: '', rrnFront: '9001' });
    expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual(['fullName', 'phones', 'rrnFront']);
  });
});
