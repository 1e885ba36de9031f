/**
 * One attributor task: partition i of `purchase` and of `promo_behavior` (the same users), joined in event time by
 * a WindowState. Kafka hands the two inputs over independently; the task merges them by record timestamp, the way
 * Kafka Streams does, so a backlog on one input (after a restart, say) does not let the other run ahead and decide
 * purchases before their behaviours were read. An input with nothing buffered holds the other back while it is
 * known to have more (its last fetch did not reach the partition's end), and otherwise for IDLE_MS after the
 * waiting record arrived: the two inputs' batches of one fetch reach the task one after the other, a few ms apart.
 *
 * What a step did (decisions, purchases left waiting, behaviour counts, where the inputs are) is returned for the
 * store to write in one transaction; the task itself does no I/O.
 */
import type { BehaviourAt } from './rule';
import type { HeldPurchase } from './outputs';
import { WindowState, type Decision } from './window-state';

export type Input = 'purchase' | 'behaviour';

/** A record as read: decoded and standardised, or bad (already parked on the dead-letter topic by the caller). */
export type Item = (
  | { input: 'purchase'; offset: bigint; ts: number; purchase: HeldPurchase }
  | { input: 'behaviour'; offset: bigint; ts: number; behaviour: BehaviourAt }
  | { input: Input; offset: bigint; ts: number; bad: true }
) & { arrivedAt?: number };

export interface Cursor {
  purchaseOffset: bigint;
  behaviorOffset: bigint;
  /** where a restart reads behaviours again from, to rebuild the window: the oldest still held */
  behaviorReplayOffset: bigint;
  streamTime: number | null;
}

/** Behaviours read since `offset`, the latest of them at `maxAt` (event time): a chunk of what the window holds. */
interface Held { offset: bigint; maxAt: number; n: number }
const HELD_CHUNK = 64;

export interface BehaviourCount { promotionId: string; userId: string; action: 'view' | 'click'; minute: number; n: number }

export interface Step {
  decisions: Decision<HeldPurchase>[];
  /** purchases that entered the wait in this step and are still waiting */
  waiting: { purchase: HeldPurchase; arrivedAt: number }[];
  behaviours: BehaviourCount[];
  late: { purchases: number; behaviours: number };
  cursor: Cursor;
  /** records consumed in this step (0 and no decisions: nothing to write) */
  records: number;
}

export const IDLE_MS = 100;

export class PartitionTask {
  readonly state: WindowState<HeldPurchase>;
  private readonly buffers: Record<Input, Item[]> = { purchase: [], behaviour: [] };
  /** next offset to accept per input: older offsets (a redelivery after a rebalance) are dropped */
  private readonly next: Record<Input, bigint>;
  private readonly atEnd: Record<Input, boolean>;
  /** the latest event time processed per input */
  private readonly maxAt: Record<Input, number> = { purchase: -Infinity, behaviour: -Infinity };
  private readonly graceMs: number;
  private cursor: Cursor;
  /** the behaviours held, in offset order, by chunks: how far back a restart must read to hold them again */
  private held: Held[] = [];
  private readonly keepMs: number;

  /**
   * @param from where the store says the last run stopped (purchaseOffset: next purchase; behaviorOffset: next
   *   behaviour not yet counted), with the purchases it left waiting
   * @param replayFrom the behaviour offset reading starts at (before behaviorOffset: the window's behaviours are
   *   read again to rebuild the state, without being counted twice)
   */
  /** @param atEnd whether each input's position is at the partition's end when the task starts */
  constructor(readonly partition: number, graceMs: number, from: Cursor, waiting: { purchase: HeldPurchase; arrivedAt: number }[], replayFrom: bigint,
    atEnd: Record<Input, boolean> = { purchase: true, behaviour: true }) {
    this.state = new WindowState<HeldPurchase>(graceMs);
    this.graceMs = graceMs;
    this.keepMs = this.state.keepMs;
    this.state.restore(from.streamTime, waiting);
    this.cursor = { ...from };
    this.next = { purchase: from.purchaseOffset, behaviour: replayFrom < from.behaviorOffset ? replayFrom : from.behaviorOffset };
    this.atEnd = { ...atEnd };
  }

  /** Where each input should be read from next. */
  position(input: Input): bigint { return this.next[input]; }

  /** Records buffered, not yet processed (the caller pauses an input that runs far ahead). */
  buffered(input: Input): number { return this.buffers[input].length; }

  /** A fetched batch of one input, in offset order. `end` = the batch reached the partition's high watermark.
   *  Returns false when the batch was not taken (it starts past the position). */
  offer(input: Input, items: Item[], end: boolean, wall: number): boolean {
    // A batch that starts past the position was fetched from somewhere else (Kafka's committed offset, before the
    // seek to the store's position took effect): taking it would skip records. The seek's own fetch follows.
    if (items.length && items[0]!.offset > this.next[input]) return false;
    for (const item of items) {
      if (item.offset < this.next[input]) continue; // read before (a redelivery after a rebalance)
      this.buffers[input].push({ ...item, arrivedAt: wall });
      this.next[input] = item.offset + 1n;
    }
    this.atEnd[input] = end;
    return true;
  }

  /**
   * May `head` go before anything more of `other` (whose buffer is empty) is read? Not while `other` is known to
   * have more. Otherwise at once if it keeps pace with `other` in event time (it moves stream time less than half
   * the grace past what `other` has shown, so a record of `other` still on its way is not late for it), else
   * after IDLE_MS: a burst that jumps ahead waits for the other input's batch of the same fetch.
   */
  private otherDone(other: Input, head: Item, wall: number): boolean {
    if (!this.atEnd[other]) return false;
    const at = 'purchase' in head ? head.purchase.at : 'behaviour' in head ? head.behaviour.at : -Infinity;
    return at <= this.maxAt[other] + this.graceMs / 2 || wall - (head.arrivedAt ?? 0) >= IDLE_MS;
  }

  /** Processes what the merge allows, in record-timestamp order. */
  drain(wall: number): Step {
    const step = this.emptyStep();
    const p = this.buffers.purchase;
    const b = this.buffers.behaviour;
    let i = 0;
    let j = 0;
    while (i < p.length || j < b.length) {
      let take: Input;
      if (i < p.length && j < b.length) take = p[i]!.ts <= b[j]!.ts ? 'purchase' : 'behaviour';
      else if (i < p.length) { if (!this.otherDone('behaviour', p[i]!, wall)) break; take = 'purchase'; }
      else { if (!this.otherDone('purchase', b[j]!, wall)) break; take = 'behaviour'; }
      this.apply(take === 'purchase' ? p[i++]! : b[j++]!, wall, step);
    }
    p.splice(0, i);
    b.splice(0, j);
    return this.finish(step, wall);
  }

  /** The wall-clock fallback of a quiet partition (WindowState.tick). */
  tick(wall: number): Step {
    const step = this.emptyStep();
    step.decisions.push(...this.state.tick(wall));
    return this.finish(step, wall);
  }

  private emptyStep(): Step {
    return { decisions: [], waiting: [], behaviours: [], late: { purchases: 0, behaviours: 0 }, cursor: this.cursor, records: 0 };
  }

  private apply(item: Item, wall: number, step: Step & { added?: HeldPurchase[]; counts?: Map<string, BehaviourCount> }): void {
    step.records++;
    const before = { ...this.state.late };
    const at = 'purchase' in item ? item.purchase.at : 'behaviour' in item ? item.behaviour.at : -Infinity;
    if (at > this.maxAt[item.input]) this.maxAt[item.input] = at;
    if ('bad' in item) {
      // parked on the dead-letter topic when read; here it only moves the input on
    } else if (item.input === 'purchase') {
      step.decisions.push(...this.state.addPurchase(item.purchase, wall));
      if (this.state.isWaiting(item.purchase.purchaseId)) (step.added ??= []).push(item.purchase);
    } else {
      const replay = item.offset < this.cursor.behaviorOffset;
      const counted = !replay && !this.state.seen(item.behaviour.eventId);
      step.decisions.push(...this.state.addBehaviour(item.behaviour, wall));
      const last = this.held.at(-1);
      if (last && last.n < HELD_CHUNK) { last.n++; last.maxAt = Math.max(last.maxAt, item.behaviour.at); }
      else this.held.push({ offset: item.offset, maxAt: item.behaviour.at, n: 1 });
      if (counted) {
        const minute = Math.floor(item.behaviour.at / 60_000) * 60_000;
        const { promotionId, userId, action } = item.behaviour;
        const key = `${promotionId}\0${userId}\0${action}\0${minute}`;
        const counts = (step.counts ??= new Map());
        const c = counts.get(key) ?? { promotionId, userId, action, minute, n: 0 };
        c.n++;
        counts.set(key, c);
      }
      if (replay) { Object.assign(this.state.late, before); } // a replayed record was counted by the run that read it first
    }
    step.late.purchases += this.state.late.purchases - before.purchases;
    step.late.behaviours += this.state.late.behaviours - before.behaviours;
    const next = item.offset + 1n;
    if (item.input === 'purchase') this.cursor = { ...this.cursor, purchaseOffset: next };
    else if (next > this.cursor.behaviorOffset) this.cursor = { ...this.cursor, behaviorOffset: next };
  }

  private finish(step: Step & { added?: HeldPurchase[]; counts?: Map<string, BehaviourCount> }, wall: number): Step {
    const st = this.state.streamTime;
    // a chunk whose every behaviour has left the window is not needed again
    while (this.held.length && this.held[0]!.maxAt < st - this.keepMs) this.held.shift();
    this.cursor = { ...this.cursor, streamTime: Number.isFinite(st) ? st : this.cursor.streamTime,
      behaviorReplayOffset: this.held[0]?.offset ?? this.cursor.behaviorOffset };
    const waiting = (step.added ?? []).filter((p) => this.state.isWaiting(p.purchaseId)).map((purchase) => ({ purchase, arrivedAt: wall }));
    return { decisions: step.decisions, waiting, behaviours: [...(step.counts?.values() ?? [])], late: step.late, cursor: this.cursor, records: step.records };
  }
}
