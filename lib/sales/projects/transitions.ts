import type { ProjectStatus } from './schemas';

/**
 * The project life cycle (seed 003): a planned project is started once and
 * ended once. Nothing goes back: a finished programme is followed by next
 * year's copy (the AnnualProjectCreate policy), not by reopening it.
 */
const NEXT: Record<ProjectStatus, ProjectStatus | null> = { planned: 'ongoing', ongoing: 'ended', ended: null };

export const STATUS_LABEL: Record<ProjectStatus, string> = { planned: 'Planned', ongoing: 'Ongoing', ended: 'Ended' };

export function nextStatus(from: ProjectStatus): ProjectStatus | null {
  return NEXT[from];
}

/** Null when Start (to ongoing) or End (to ended) is allowed from `from`, else the sentence shown to staff. */
export function transitionError(name: string, from: ProjectStatus, to: 'ongoing' | 'ended'): string | null {
  if (NEXT[from] === to) return null;
  if (from === 'ended') return to === 'ended' ? `${name} has already ended.` : `${name} has ended; an ended project cannot be started again.`;
  if (from === 'ongoing') return `${name} is already ongoing; it can only be ended now.`;
  return `${name} has not started yet; start it before ending it.`;
}

/** Edits are for planned and ongoing projects; an ended one stays as it was when it ended. */
export function editError(name: string, status: ProjectStatus): string | null {
  return status === 'ended' ? `${name} has ended and can no longer be edited; edit next year's project instead.` : null;
}
