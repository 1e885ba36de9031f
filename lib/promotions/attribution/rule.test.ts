import { describe, expect, it } from 'vitest';
import { ATTRIBUTION_WINDOW_MS, attribute, type BehaviourAt } from './rule';

const p = { userId: 'U1', at: Date.parse('2026-12-02T05:00:00Z') };
const b = (over: Partial<BehaviourAt>): BehaviourAt => ({ eventId: 'e1', userId: 'U1', promotionId: 'P1', action: 'click', at: p.at - 60_000, ...over });

describe('attribution rule', () => {
  it('includes a behaviour exactly 5 minutes before the purchase, and one at the same millisecond', () => {
    expect(attribute(p, [b({ at: p.at - ATTRIBUTION_WINDOW_MS })])?.eventId).toBe('e1');
    expect(attribute(p, [b({ at: p.at })])?.eventId).toBe('e1');
  });

  it('excludes 5 minutes + 1 ms before, and 1 ms after the purchase', () => {
    expect(attribute(p, [b({ at: p.at - ATTRIBUTION_WINDOW_MS - 1 })])).toBeNull();
    expect(attribute(p, [b({ at: p.at + 1 })])).toBeNull();
  });

  it("ignores another user's click", () => {
    expect(attribute(p, [b({ userId: 'U2' })])).toBeNull();
  });

  it('prefers the latest click to a later view in the same window', () => {
    const got = attribute(p, [
      b({ eventId: 'view-late', action: 'view', at: p.at - 1_000 }),
      b({ eventId: 'click-old', action: 'click', at: p.at - 200_000 }),
      b({ eventId: 'click-new', action: 'click', at: p.at - 100_000 }),
    ]);
    expect(got?.eventId).toBe('click-new');
  });

  it('takes the latest view when there is no click, and breaks a tie by eventId in any order', () => {
    const views = [b({ eventId: 'a', action: 'view', at: p.at - 5_000 }), b({ eventId: 'c', action: 'view', at: p.at - 2_000 }), b({ eventId: 'b', action: 'view', at: p.at - 2_000 })];
    expect(attribute(p, views)?.eventId).toBe('c');
    expect(attribute(p, [...views].reverse())?.eventId).toBe('c');
  });
});
