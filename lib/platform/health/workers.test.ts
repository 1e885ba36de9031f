import { describe, expect, it } from 'vitest';
import { instanceState, STALE_AFTER_MS } from './workers';

const now = new Date('2026-11-21T10:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('instanceState', () => {
  it('trusts a recent beat', () => {
    expect(instanceState({ status: 'running', lastBeatAt: ago(4_000) }, now)).toBe('running');
    expect(instanceState({ status: 'rebalancing', lastBeatAt: ago(1_000) }, now)).toBe('rebalancing');
  });

  it('calls an instance stale after three missed beats, whatever it last said', () => {
    expect(instanceState({ status: 'running', lastBeatAt: ago(STALE_AFTER_MS + 1) }, now)).toBe('stale');
  });

  it('keeps a clean stop as stopped, however old', () => {
    expect(instanceState({ status: 'stopped', lastBeatAt: ago(3600_000) }, now)).toBe('stopped');
  });
});
