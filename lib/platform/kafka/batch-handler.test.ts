import { describe, expect, it } from 'vitest';
import type { Tx } from '../db';
import type { DomainEvent } from '../events/catalog';
import { eachEvent, inOrder } from './batch-handler';

const ev = (type: DomainEvent['type'], n: number) => ({ type, eventId: String(n) }) as unknown as DomainEvent;
const tx = {} as Tx;

describe('eachEvent', () => {
  it('calls the handler of each event type in batch order and skips the others', async () => {
    const calls: string[] = [];
    const h = eachEvent({
      ConsultationCreated: async (e) => void calls.push(`created:${e.eventId}`),
      ProjectStarted: async (e) => void calls.push(`started:${e.eventId}`),
    });
    expect([...h.types].sort()).toEqual(['ConsultationCreated', 'ProjectStarted']);
    await h.handle([ev('ConsultationCreated', 1), ev('ProjectStarted', 2), ev('ConsultationEdited', 3), ev('ConsultationCreated', 4)], tx);
    expect(calls).toEqual(['created:1', 'started:2', 'created:4']);
  });
});

describe('inOrder', () => {
  it('gives each handler only its own event types, handlers one after the other', async () => {
    const calls: string[] = [];
    const a = { types: new Set(['ConsultationCreated'] as const), handle: async (es: DomainEvent[]) => void calls.push(`a:${es.map((e) => e.eventId).join(',')}`) };
    const b = eachEvent({ ProjectEnded: async (e) => void calls.push(`b:${e.eventId}`) });
    const both = inOrder(a, b);
    expect([...both.types].sort()).toEqual(['ConsultationCreated', 'ProjectEnded']);
    await both.handle([ev('ConsultationCreated', 1), ev('ProjectEnded', 2), ev('ConsultationCreated', 3)], tx);
    expect(calls).toEqual(['a:1,3', 'b:2']);
  });

  it('stops at the first failing handler so the transaction rolls back', async () => {
    const calls: string[] = [];
    const both = inOrder(
      eachEvent({ ProjectEnded: async () => Promise.reject(new Error('boom')) }),
      eachEvent({ ProjectEnded: async () => void calls.push('never') }),
    );
    await expect(both.handle([ev('ProjectEnded', 1)], tx)).rejects.toThrow('boom');
    expect(calls).toEqual([]);
  });

  it('does not call a handler that has no events in the batch', async () => {
    const calls: string[] = [];
    const both = inOrder(eachEvent({ ProjectEnded: async () => void calls.push('ended') }), {
      types: new Set(['ConsultationCreated'] as const),
      handle: async () => void calls.push('consultations'),
    });
    await both.handle([ev('ProjectEnded', 1)], tx);
    expect(calls).toEqual(['ended']);
  });
});
