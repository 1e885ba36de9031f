import { describe, expect, it } from 'vitest';
import { CONSULTATION_STEPS } from './schemas';
import { nextSteps, transitionError } from './transitions';

describe('consultation transitions', () => {
  it('lets a request be accepted or rejected, and nothing else', () => {
    expect(transitionError('requested', 'accepted')).toBeNull();
    expect(transitionError('requested', 'canceled')).toBeNull();
    expect(transitionError('requested', 'success')).toMatch(/only move to accepted or canceled/);
    expect(transitionError('requested', 'in_progress')).not.toBeNull();
  });

  it('drives an accepted consultation through in progress to success or fail', () => {
    expect(transitionError('accepted', 'in_progress')).toBeNull();
    expect(transitionError('accepted', 'success')).toMatch(/only move to in progress/);
    expect(transitionError('in_progress', 'success')).toBeNull();
    expect(transitionError('in_progress', 'fail')).toBeNull();
  });

  it('refuses any change once a consultation is closed', () => {
    for (const closed of ['canceled', 'success', 'fail'] as const) {
      expect(nextSteps(closed)).toEqual([]);
      for (const to of CONSULTATION_STEPS) expect(transitionError(closed, to)).toMatch(/cannot change any more/);
    }
  });

  it('never allows staying on the same step', () => {
    for (const s of CONSULTATION_STEPS) expect(transitionError(s, s)).not.toBeNull();
  });
});
