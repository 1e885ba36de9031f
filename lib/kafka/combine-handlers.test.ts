import { describe, expect, it } from 'vitest';
import type { Tx } from '../db';
import { combineHandlers } from './combine-handlers';

describe('combineHandlers', () => {
  it('runs every handler of an event type in order and keeps the others', async () => {
    const calls: string[] = [];
    const tx = {} as Tx;
    const merged = combineHandlers(
      { ConsultationCreated: async () => void calls.push('a:created') },
      { ConsultationCreated: async () => void calls.push('b:created'), ProjectStarted: async () => void calls.push('b:started') },
    );
    await merged.ConsultationCreated!({} as never, tx);
    await merged.ProjectStarted!({} as never, tx);
    expect(calls).toEqual(['a:created', 'b:created', 'b:started']);
    expect(merged.ConsultationEdited).toBeUndefined();
  });

  it('stops at the first failing handler so the transaction rolls back', async () => {
    const calls: string[] = [];
    const merged = combineHandlers(
      { ProjectEnded: async () => Promise.reject(new Error('boom')) },
      { ProjectEnded: async () => void calls.push('never') },
    );
    await expect(merged.ProjectEnded!({} as never, {} as Tx)).rejects.toThrow('boom');
    expect(calls).toEqual([]);
  });
});
