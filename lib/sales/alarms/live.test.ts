import { describe, expect, it } from 'vitest';
import { alarmNotifyPayload, concernsSalesman, EVERYONE } from './live';

describe('alarm notifications', () => {
  it('names the one salesman a batch is for, else everyone; nothing for no alarm', () => {
    expect(alarmNotifyPayload(['s-1', 's-1'])).toBe('s-1');
    expect(alarmNotifyPayload(['s-1', 's-2'])).toBe(EVERYONE);
    expect(alarmNotifyPayload([])).toBeNull();
  });
  it('concerns the named salesman, or every salesman for everyone', () => {
    expect(concernsSalesman('s-1', 's-1')).toBe(true);
    expect(concernsSalesman('s-2', 's-1')).toBe(false);
    expect(concernsSalesman(EVERYONE, 's-1')).toBe(true);
  });
});
