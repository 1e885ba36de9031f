import { describe, expect, it } from 'vitest';
import { alarmPageSchema, markReadSchema } from './schemas';

const id = '00000000-0000-4000-8000-000000000001';

describe('alarm inputs', () => {
  it('pages 20 at a time by default and caps the page size', () => {
    expect(alarmPageSchema.parse({})).toEqual({ limit: 20 });
    expect(alarmPageSchema.parse({ cursor: id, limit: '5' })).toEqual({ cursor: id, limit: 5 });
    expect(alarmPageSchema.safeParse({ limit: '500' }).success).toBe(false);
    expect(alarmPageSchema.safeParse({ cursor: 'abc' }).success).toBe(false);
  });

  it('marks exactly one alarm or all, never both or neither', () => {
    expect(markReadSchema.safeParse({ alarmId: id }).success).toBe(true);
    expect(markReadSchema.safeParse({ all: true, upTo: id }).success).toBe(true);
    expect(markReadSchema.safeParse({}).success).toBe(false);
    expect(markReadSchema.safeParse({ alarmId: id, all: true }).success).toBe(false);
    expect(markReadSchema.safeParse({ all: false }).success).toBe(false);
    expect(markReadSchema.safeParse({ alarmId: 'nope' }).success).toBe(false);
  });
});
