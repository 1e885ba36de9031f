export interface TimelineEvent {
  eventId: string;
  type: string;
  correlationId: string;
  causationId: string | null;
  subjectId: string;
  occurredAt: string;
  payload: unknown;
  /** Consumer groups that recorded this event as processed, earliest first. */
  processedBy: { consumer: string; processedAt: string }[];
}

/**
 * How a node hangs under its parent: "caused" = the event names the parent as
 * its causationId (a policy reacting to it); "follows" = a user's command on
 * the same subject, which has no causing event, so it is shown after the
 * subject's previous event (what the user was looking at when they acted).
 */
export type Link = 'root' | 'caused' | 'follows';

export interface TimelineNode {
  event: TimelineEvent;
  link: Link;
  parentId: string | null;
  children: TimelineNode[];
}

const byTime = (a: TimelineEvent, b: TimelineEvent) => a.occurredAt.localeCompare(b.occurredAt) || a.eventId.localeCompare(b.eventId);

/** Builds the what-caused-what forest of a set of events, oldest first at every level. */
export function buildTimelineTree(events: TimelineEvent[]): TimelineNode[] {
  const sorted = [...events].sort(byTime);
  const nodes = new Map<string, TimelineNode>();
  for (const e of sorted) nodes.set(e.eventId, { event: e, link: 'root', parentId: null, children: [] });

  const lastOfSubject = new Map<string, string>();
  for (const e of sorted) {
    const node = nodes.get(e.eventId)!;
    const previous = lastOfSubject.get(e.subjectId);
    lastOfSubject.set(e.subjectId, e.eventId);
    if (e.causationId && e.causationId !== e.eventId && nodes.has(e.causationId)) {
      node.parentId = e.causationId;
      node.link = 'caused';
    } else if (previous) {
      node.parentId = previous;
      node.link = 'follows';
    }
    // Clocks of two processes may disagree: never let a parent chain loop back to itself.
    if (node.parentId && createsCycle(nodes, node)) {
      node.parentId = null;
      node.link = 'root';
    }
  }

  const roots: TimelineNode[] = [];
  for (const e of sorted) {
    const node = nodes.get(e.eventId)!;
    if (node.parentId) nodes.get(node.parentId)!.children.push(node);
    else roots.push(node);
  }
  return roots;
}

function createsCycle(nodes: Map<string, TimelineNode>, node: TimelineNode): boolean {
  const seen = new Set<string>([node.event.eventId]);
  let at = node.parentId;
  while (at) {
    if (seen.has(at)) return true;
    seen.add(at);
    at = nodes.get(at)?.parentId ?? null;
  }
  return false;
}
