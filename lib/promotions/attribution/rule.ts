/**
 * The attribution rule of seed 001, in event time. A purchase at p is promotion-affected when the same user
 * has a click or a view at t with p - 5 min <= t <= p, both ends inclusive. The behaviour it is attributed
 * to is the latest click in that window, else the latest view: a click says more about intent than a view.
 * Two behaviours of the same kind at the same millisecond are ordered by eventId, so every replica and every
 * replay picks the same one.
 */
export const ATTRIBUTION_WINDOW_MS = 5 * 60_000;

export interface BehaviourAt {
  eventId: string;
  userId: string;
  promotionId: string;
  action: 'view' | 'click';
  /** event time, epoch ms */
  at: number;
}

export interface PurchaseAt {
  userId: string;
  /** event time, epoch ms */
  at: number;
}

export const inWindow = (p: PurchaseAt, b: BehaviourAt) => b.userId === p.userId && b.at >= p.at - ATTRIBUTION_WINDOW_MS && b.at <= p.at;

const later = (a: BehaviourAt, b: BehaviourAt) => (a.at !== b.at ? a.at > b.at : a.eventId > b.eventId);

/** The behaviour this purchase is attributed to, or null when it is not promotion-affected. */
export function attribute(p: PurchaseAt, behaviours: Iterable<BehaviourAt>): BehaviourAt | null {
  let click: BehaviourAt | null = null;
  let view: BehaviourAt | null = null;
  for (const b of behaviours) {
    if (!inWindow(p, b)) continue;
    if (b.action === 'click') { if (!click || later(b, click)) click = b; }
    else if (!view || later(b, view)) view = b;
  }
  return click ?? view;
}
