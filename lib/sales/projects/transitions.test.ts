import { describe, expect, it } from 'vitest';
import { PROJECT_STATUSES } from './schemas';
import { editError, nextStatus, transitionError } from './transitions';

describe('project transitions', () => {
  it('goes planned -> ongoing -> ended and stops there', () => {
    expect(nextStatus('planned')).toBe('ongoing');
    expect(nextStatus('ongoing')).toBe('ended');
    expect(nextStatus('ended')).toBeNull();
    expect(transitionError('A', 'planned', 'ongoing')).toBeNull();
    expect(transitionError('A', 'ongoing', 'ended')).toBeNull();
  });

  it('refuses every other move with a sentence that names the project and says why', () => {
    expect(transitionError('A (2026)', 'planned', 'ended')).toBe('A (2026) has not started yet; start it before ending it.');
    expect(transitionError('A (2026)', 'ongoing', 'ongoing')).toBe('A (2026) is already ongoing; it can only be ended now.');
    expect(transitionError('A (2026)', 'ended', 'ongoing')).toMatch(/has ended; an ended project cannot be started again/);
    expect(transitionError('A (2026)', 'ended', 'ended')).toBe('A (2026) has already ended.');
  });

  it('allows edits until the project has ended', () => {
    const allowed = PROJECT_STATUSES.filter((s) => editError('A', s) === null);
    expect(allowed).toEqual(['planned', 'ongoing']);
    expect(editError('A (2025)', 'ended')).toMatch(/can no longer be edited/);
  });
});
