import { describe, expect, it } from 'vitest';
import { markReadSchema } from './schemas';

describe('mark-read schema', () => {
  it('takes one notification id or all: true', () => {
    expect(markReadSchema.parse({ notificationId: '00000000-0000-4000-8000-000000000001' })).toEqual({ notificationId: '00000000-0000-4000-8000-000000000001' });
    expect(markReadSchema.parse({ all: true })).toEqual({ all: true });
  });

  it('refuses an empty request, all: false and a bad id', () => {
    for (const bad of [{}, { all: false }, { all: 'yes' }, { notificationId: 'x' }]) expect(markReadSchema.safeParse(bad).success).toBe(false);
  });
});
