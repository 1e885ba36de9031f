import { describe, expect, it } from 'vitest';
import { buildTimelineTree, type TimelineEvent, type TimelineNode } from './tree';

let clock = 0;
const ev = (eventId: string, subjectId: string, causationId: string | null = null, at?: string): TimelineEvent => ({
  eventId, type: `T-${eventId}`, correlationId: 'c1', causationId, subjectId,
  occurredAt: at ?? new Date(Date.UTC(2026, 10, 21, 10, 0, clock++)).toISOString(), payload: {}, processedBy: [],
});
/** "id(link)[children]" for compact assertions. */
const shape = (nodes: TimelineNode[]): string[] =>
  nodes.map((n) => `${n.event.eventId}(${n.link})${n.children.length ? `[${shape(n.children).join(' ')}]` : ''}`);

describe('buildTimelineTree', () => {
  it('hangs a step change under the consultation event before it', () => {
    const tree = buildTimelineTree([ev('created', 'con'), ev('accepted', 'con'), ev('started', 'con')]);
    expect(shape(tree)).toEqual(['created(root)[accepted(follows)[started(follows)]]']);
  });

  it('puts an event under the event named as its cause', () => {
    const tree = buildTimelineTree([ev('ended', 'p2026'), ev('nextYear', 'p2027', 'ended'), ev('started', 'p2026')]);
    expect(shape(tree)).toEqual(['ended(root)[nextYear(caused) started(follows)]']);
  });

  it('prefers the named cause over the subject order', () => {
    const tree = buildTimelineTree([ev('a', 's'), ev('b', 's'), ev('c', 's', 'a')]);
    expect(shape(tree)).toEqual(['a(root)[b(follows) c(caused)]']);
  });

  it('treats a cause outside the set as a root, and sorts by time whatever the input order', () => {
    const later = ev('later', 'x', 'missing', '2026-11-21T11:00:00.000Z');
    const earlier = ev('earlier', 'y', null, '2026-11-21T09:00:00.000Z');
    expect(shape(buildTimelineTree([later, earlier]))).toEqual(['earlier(root)', 'later(root)']);
  });

  it('never loops when clocks disagree', () => {
    // "a" claims "b" caused it, but "b" is stamped later and would follow "a" on the same subject: the named cause wins.
    const a = ev('a', 's', 'b', '2026-11-21T10:00:00.000Z');
    const b = ev('b', 's', null, '2026-11-21T10:00:01.000Z');
    const tree = buildTimelineTree([a, b]);
    expect(shape(tree)).toEqual(['b(root)[a(caused)]']);
  });

  it('returns nothing for no events', () => {
    expect(buildTimelineTree([])).toEqual([]);
  });
});
