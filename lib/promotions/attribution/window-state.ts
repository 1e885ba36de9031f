/**
 * The attributor's state for one input partition (purchase and promo_behavior are co-partitioned by user, so one
 * partition of each holds all of a user's records). Event time drives it; the wall clock only stands in when the
 * partition goes quiet.
 *
 * - Stream time is the latest event time seen on the partition (it never goes back).
 * - A purchase whose window [p - 5 min, p] already holds a behaviour of its user is decided 1 at once.
 * - Otherwise it waits. A behaviour of its user in its window that arrives meanwhile decides it 1. Once stream
 *   time passes p + grace, it is decided 0 (or 1 if such a behaviour came). If no record arrives on the
 *   partition for `grace` of wall time, the waiting purchases are decided as they stand.
 * - A decision, once made, is never changed. The behaviour it names is the best one held at that moment: a click
 *   that arrives after a view decided the purchase does not replace it.
 * - Late records are counted. A purchase is late when its grace has passed in stream time before it arrives
 *   (p + grace < stream time); it is decided at once with the behaviours held. A behaviour is late when it
 *   falls in the window of a purchase of its user that was already decided 0, or when every window it could
 *   join has closed (t + 5 min + grace < stream time). It is still kept for purchases not decided yet.
 * - An eventId seen before (a redelivery, a relay retry) is ignored, as is a second purchase with the same purchaseId.
 *
 * Behaviours are kept for WINDOW + max(grace, 60 s) behind stream time. A purchase later than that finds the
 * behaviours of its window gone and is decided 0 (it is counted as late as well).
 */
import { ATTRIBUTION_WINDOW_MS, attribute, inWindow, type BehaviourAt, type PurchaseAt } from './rule';

export interface PurchaseRecord extends PurchaseAt {
  eventId: string;
  purchaseId: string;
}

export interface Decision<P extends PurchaseRecord = PurchaseRecord> {
  purchase: P;
  affect: 0 | 1;
  behaviour: BehaviourAt | null;
  /** why now: a behaviour in the window, event-time grace passed, a quiet partition, or the purchase was late */
  by: 'window' | 'grace' | 'idle' | 'late';
}

export interface LateCounts { purchases: number; behaviours: number }

interface Waiting<P> { purchase: P; arrivedAt: number }

export class WindowState<P extends PurchaseRecord = PurchaseRecord> {
  streamTime = -Infinity;
  readonly late: LateCounts = { purchases: 0, behaviours: 0 };
  private behaviours = new Map<string, BehaviourAt[]>(); // by user
  private waiting = new Map<string, Waiting<P>>(); // by purchaseId
  private waitingByUser = new Map<string, Set<string>>(); // userId -> purchaseIds waiting
  private queue: Waiting<P>[] = []; // the waiting, by event time (decided ones are skipped when reached)
  private prunedAt = -Infinity;
  private seenEvents = new Map<string, number>(); // eventId -> event time, for duplicates
  private decided = new Map<string, number>(); // purchaseId -> event time
  private missedByUser = new Map<string, number[]>(); // userId -> event times of its purchases decided 0
  private lastArrival = -Infinity;
  /** behaviours and missed purchases in arrival order, to drop old state from the front instead of walking every user */
  private readonly heldOrder = new Fifo<{ user: string; at: number }>();
  private readonly missedOrder = new Fifo<{ user: string; at: number }>();
  /** how long behaviours are held behind stream time */
  readonly keepMs: number;

  constructor(readonly graceMs = 1000) {
    this.keepMs = ATTRIBUTION_WINDOW_MS + Math.max(graceMs, 60_000);
  }

  /** Purchases waiting for their grace to pass. */
  get pending(): number { return this.waiting.size; }

  isWaiting(purchaseId: string): boolean { return this.waiting.has(purchaseId); }

  /** True when this eventId was seen before (within the kept horizon): the record would be ignored. */
  seen(eventId: string): boolean { return this.seenEvents.has(eventId); }

  /**
   * Back to where a previous run stopped: its stream time and the purchases it left waiting (from PostgreSQL).
   * Call before any record; the behaviours are then replayed from Kafka through addBehaviour.
   */
  restore(streamTime: number | null, waiting: { purchase: P; arrivedAt: number }[]): void {
    if (streamTime !== null) this.streamTime = Math.max(this.streamTime, streamTime);
    for (const w of waiting) {
      if (this.waiting.has(w.purchase.purchaseId)) continue;
      this.seenEvents.set(w.purchase.eventId, w.purchase.at);
      this.wait({ purchase: w.purchase, arrivedAt: w.arrivedAt });
    }
  }

  /** A behaviour read from the partition (wall = arrival time). Returns the decisions it brings. */
  addBehaviour(b: BehaviourAt, wall: number): Decision<P>[] {
    if (!this.firstSight(b.eventId, b.at, wall)) return [];
    const closed = b.at + ATTRIBUTION_WINDOW_MS + this.graceMs < this.streamTime;
    if (closed || (this.missedByUser.get(b.userId) ?? []).some((at) => inWindow({ userId: b.userId, at }, b))) this.late.behaviours++;
    const list = this.behaviours.get(b.userId) ?? [];
    list.push(b);
    this.behaviours.set(b.userId, list);
    this.heldOrder.push({ user: b.userId, at: b.at });
    const out: Decision<P>[] = [];
    for (const id of [...(this.waitingByUser.get(b.userId) ?? [])]) {
      const w = this.waiting.get(id)!;
      if (inWindow(w.purchase, b)) out.push(this.decide(w.purchase, 'window'));
    }
    this.advance(b.at, out);
    return out;
  }

  /** A purchase read from the partition. Returns the decisions it brings (its own, if made at once). */
  addPurchase(p: P, wall: number): Decision<P>[] {
    if (!this.firstSight(p.eventId, p.at, wall) || this.decided.has(p.purchaseId) || this.waiting.has(p.purchaseId)) return [];
    const out: Decision<P>[] = [];
    const late = p.at + this.graceMs < this.streamTime;
    if (late) this.late.purchases++;
    const hit = attribute(p, this.behaviours.get(p.userId) ?? []);
    if (hit) out.push(this.decide(p, 'window', hit));
    else if (late) out.push(this.decide(p, 'late', null));
    else this.wait({ purchase: p, arrivedAt: wall });
    this.advance(p.at, out);
    return out;
  }

  /** The wall-clock fallback: after `grace` without any record on the partition, decide what waits. */
  tick(wall: number): Decision<P>[] {
    if (wall - this.lastArrival < this.graceMs) return [];
    const out: Decision<P>[] = [];
    for (const w of [...this.waiting.values()]) {
      if (wall - w.arrivedAt >= this.graceMs) out.push(this.decide(w.purchase, 'idle'));
    }
    return out;
  }

  private wait(w: Waiting<P>): void {
    this.waiting.set(w.purchase.purchaseId, w);
    const ids = this.waitingByUser.get(w.purchase.userId) ?? new Set<string>();
    ids.add(w.purchase.purchaseId);
    this.waitingByUser.set(w.purchase.userId, ids);
    // purchases come nearly in event-time order: insert from the back
    let i = this.queue.length;
    while (i > 0 && this.queue[i - 1]!.purchase.at > w.purchase.at) i--;
    this.queue.splice(i, 0, w);
  }

  private firstSight(eventId: string, at: number, wall: number): boolean {
    this.lastArrival = wall;
    if (this.seenEvents.has(eventId)) return false;
    this.seenEvents.set(eventId, at);
    return true;
  }

  private decide(p: P, by: Decision['by'], known?: BehaviourAt | null): Decision<P> {
    if (this.waiting.delete(p.purchaseId)) {
      const ids = this.waitingByUser.get(p.userId)!;
      ids.delete(p.purchaseId);
      if (!ids.size) this.waitingByUser.delete(p.userId);
    }
    this.decided.set(p.purchaseId, p.at);
    const behaviour = known === undefined ? attribute(p, this.behaviours.get(p.userId) ?? []) : known;
    if (!behaviour) {
      const missed = this.missedByUser.get(p.userId);
      if (missed) missed.push(p.at); else this.missedByUser.set(p.userId, [p.at]);
      this.missedOrder.push({ user: p.userId, at: p.at });
    }
    return { purchase: p, affect: behaviour ? 1 : 0, behaviour, by };
  }

  /** Stream time moves on: purchases whose grace has passed are decided; old state is dropped. */
  private advance(at: number, out: Decision<P>[]): void {
    if (at > this.streamTime) this.streamTime = at;
    while (this.queue.length && this.queue[0]!.purchase.at + this.graceMs <= this.streamTime) {
      const w = this.queue.shift()!;
      if (this.waiting.get(w.purchase.purchaseId) === w) out.push(this.decide(w.purchase, 'grace'));
    }
    // Old state is dropped from the front of each arrival-ordered list, a few times a second of stream time. Records
    // arrive nearly in event-time order; one that came out of order may stay a little longer, never less.
    if (this.streamTime - this.prunedAt < 250) return;
    this.prunedAt = this.streamTime;
    const horizon = this.streamTime - this.keepMs;
    if (this.queue.length > 64) this.queue = this.queue.filter((w) => this.waiting.get(w.purchase.purchaseId) === w);
    for (let h = this.heldOrder.peek(); h && h.at < horizon; h = this.heldOrder.peek()) {
      this.heldOrder.shift();
      const list = this.behaviours.get(h.user);
      if (!list) continue;
      let drop = 0;
      while (drop < list.length && list[drop]!.at < horizon) drop++;
      if (drop === list.length) this.behaviours.delete(h.user); else if (drop) list.splice(0, drop);
    }
    for (const [id, t] of this.seenEvents) { if (t >= horizon) break; this.seenEvents.delete(id); }
    for (const [id, t] of this.decided) { if (t >= horizon) break; this.decided.delete(id); }
    for (let m = this.missedOrder.peek(); m && m.at < horizon; m = this.missedOrder.peek()) {
      this.missedOrder.shift();
      const ats = this.missedByUser.get(m.user);
      if (!ats) continue;
      const kept = ats.filter((t) => t >= horizon);
      if (kept.length) this.missedByUser.set(m.user, kept); else this.missedByUser.delete(m.user);
    }
  }
}

/** A queue with O(1) shift (Array#shift copies the array), compacted as it drains. */
class Fifo<T> {
  private items: T[] = [];
  private head = 0;
  push(x: T): void { this.items.push(x); }
  peek(): T | undefined { return this.items[this.head]; }
  shift(): T | undefined {
    const x = this.items[this.head++];
    if (this.head > 4096 && this.head * 2 > this.items.length) { this.items = this.items.slice(this.head); this.head = 0; }
    return x;
  }
}
