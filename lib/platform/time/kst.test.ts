import { describe, expect, it } from 'vitest';
import { kstDateTime, kstMinute } from './kst';

describe('KST formatting', () => {
  it('shows UTC+9 across the date line', () => {
    expect(kstDateTime('2026-11-21T15:30:05.999Z')).toBe('2026-11-22 00:30:05');
    expect(kstMinute(new Date('2026-11-21T02:07:00Z'))).toBe('11:07');
  });
});
