import { describe, expect, it } from 'vitest';
import { lockedUntil, tooManyAttempts } from './throttle';

const rule = { maxFailures: 3, windowMs: 15 * 60_000 };
const now = new Date('2026-11-21T10:00:00Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe('lockedUntil', () => {
  it('lets an email try while it has fewer failures than the limit in the window', () => {
    expect(lockedUntil([], now, rule)).toBeNull();
    expect(lockedUntil([ago(1), ago(2)], now, rule)).toBeNull();
    expect(lockedUntil([ago(1), ago(2), ago(15), ago(20)], now, rule)).toBeNull(); // two have aged out
  });

  it('locks at the limit until the oldest failure that counts ages out', () => {
    expect(lockedUntil([ago(1), ago(10), ago(5)], now, rule)).toEqual(new Date(ago(10).getTime() + rule.windowMs));
  });

  it('with more failures than the limit, waits until enough of them age out', () => {
    // 5 failures, limit 3: the lock lifts when the three oldest have gone, i.e. 15 min after the third oldest.
    expect(lockedUntil([ago(12), ago(9), ago(6), ago(3), ago(1)], now, rule)).toEqual(new Date(ago(6).getTime() + rule.windowMs));
  });
});

describe('tooManyAttempts', () => {
  it('is a 429 that says how long to wait, rounded up to a whole minute', () => {
    const e = tooManyAttempts(new Date(now.getTime() + 61_000), now);
    expect(e.status).toBe(429);
    expect(e.message).toBe('Too many failed sign-ins for this email. Wait 2 minutes, then try again.');
    expect(tooManyAttempts(new Date(now.getTime() + 5_000), now).message).toMatch(/Wait 1 minute, then/);
  });
});
