import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '../../platform/validation';
import { createInterestSchema, setInterestSchema, updateInterestSchema } from './schemas';

const id = '00000000-0000-4000-8000-000000000101';

describe('interest schemas', () => {
  it('takes on/off from the API (booleans) and from forms (strings) alike', () => {
    for (const [given, meant] of [[true, true], [false, false], ['true', true], ['false', false], ['on', true], ['off', false]] as const) {
      expect(updateInterestSchema.parse({ interestId: id, interested: given }).interested).toBe(meant);
      expect(setInterestSchema.parse({ projectId: id, interested: given }).interested).toBe(meant);
    }
  });

  it('refuses anything else, naming the field', () => {
    for (const bad of ['maybe', 1, null, undefined, '']) {
      const r = updateInterestSchema.safeParse({ interestId: id, interested: bad });
      expect(r.success).toBe(false);
      expect(fieldErrorsOf(r.error!).interested?.[0]).toMatch(/interested/);
    }
  });

  it('needs a real project or interest id', () => {
    expect(fieldErrorsOf(createInterestSchema.safeParse({ projectId: 'abc' }).error!)).toEqual({ projectId: ['Choose a project'] });
    expect(fieldErrorsOf(updateInterestSchema.safeParse({ interestId: 12, interested: true }).error!)).toEqual({ interestId: ['Unknown interest'] });
    expect(createInterestSchema.safeParse({}).success).toBe(false);
  });
});
