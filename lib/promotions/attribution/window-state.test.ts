import { describe, expect, it } from 'vitest';
import type { BehaviourAt } from './rule';
import { WindowState, type Decision, type PurchaseRecord } from './window-state';

const T0 = Date.parse('2026-12-02T05:00:00Z');
let n = 0;
const purchase = (at: number, userId = 'U1', purchaseId = `o${++n}`): PurchaseRecord => ({ eventId: `pe-${purchaseId}`, purchaseId, userId, at });
const behaviour = (at: number, action: 'view' | 'click' = 'click', userId = 'U1', eventId = `be${++n}`): BehaviourAt => ({ eventId, userId, promotionId: 'P1', action, at });
const brief = (ds: Decision[]) => ds.map((d) => `${d.purchase.purchaseId}:${d.affect}:${d.by}`);

describe('WindowState', () => {
  it('decides a purchase at once when its window already holds a behaviour', () => {
    const s = new WindowState(1000);
    expect(s.addBehaviour(behaviour(T0 - 60_000), 0)).toEqual([]);
    expect(brief(s.addPurchase(purchase(T0, 'U1', 'a'), 0))).toEqual(['a:1:window']);
  });

  it('waits the grace for a behaviour that arrives after the purchase it precedes (disorder within the grace)', () => {
    const s = new WindowState(1000);
    expect(s.addPurchase(purchase(T0, 'U1', 'a'), 0)).toEqual([]);
    expect(s.pending).toBe(1);
    const d = s.addBehaviour(behaviour(T0 - 30_000), 10);
    expect(brief(d)).toEqual(['a:1:window']);
    expect(s.late).toEqual({ purchases: 0, behaviours: 0 });
  });

  it('decides 0 once stream time passes p + grace, and a behaviour for it after that is late and changes nothing', () => {
    const s = new WindowState(1000);
    s.addPurchase(purchase(T0, 'U1', 'a'), 0);
    expect(s.addPurchase(purchase(T0 + 999, 'U2', 'b'), 1)).toEqual([]); // still within a's grace
    expect(brief(s.addPurchase(purchase(T0 + 1000, 'U3', 'c'), 2))).toEqual(['a:0:grace']);
    expect(brief(s.addPurchase(purchase(T0 + 5000, 'U3', 'd'), 3))).toEqual(['b:0:grace', 'c:0:grace']);
    expect(s.addBehaviour(behaviour(T0 - 1000, 'click', 'U1'), 4)).toEqual([]);
    expect(s.late.behaviours).toBe(1);
    // a behaviour of a user with nothing decided, whose windows are still open, is not late
    expect(s.addBehaviour(behaviour(T0 + 4000, 'view', 'U7'), 5)).toEqual([]);
    expect(s.late.behaviours).toBe(1);
    // one whose every window has closed is
    s.addBehaviour(behaviour(T0 - 400_000, 'view', 'U7'), 6);
    expect(s.late.behaviours).toBe(2);
  });

  it('decides a late purchase at once, with the behaviours still held', () => {
    const s = new WindowState(1000);
    s.addBehaviour(behaviour(T0 - 10_000, 'view', 'U9'), 0);
    s.addPurchase(purchase(T0 + 60_000, 'U1', 'x'), 1);
    expect(brief(s.addPurchase(purchase(T0, 'U9', 'late1'), 2))).toEqual(['late1:1:window']);
    expect(brief(s.addPurchase(purchase(T0, 'U8', 'late2'), 3))).toEqual(['late2:0:late']);
    expect(s.late.purchases).toBe(2);
  });

  it('ignores a repeated eventId and a second purchase with the same purchaseId', () => {
    const s = new WindowState(1000);
    const b = behaviour(T0 - 1000);
    s.addBehaviour(b, 0);
    expect(s.addBehaviour(b, 1)).toEqual([]);
    const p = purchase(T0, 'U1', 'a');
    expect(brief(s.addPurchase(p, 2))).toEqual(['a:1:window']);
    expect(s.addPurchase(p, 3)).toEqual([]);
    expect(s.addPurchase({ ...p, eventId: 'another' }, 4)).toEqual([]);
  });

  it('falls back to the wall clock when the partition goes quiet', () => {
    const s = new WindowState(1000);
    s.addPurchase(purchase(T0, 'U1', 'a'), 10_000);
    expect(s.tick(10_500)).toEqual([]);
    expect(brief(s.tick(11_000))).toEqual(['a:0:idle']);
    expect(s.pending).toBe(0);
  });

  it("does not let another user's behaviour or one after the purchase decide it", () => {
    const s = new WindowState(1000);
    s.addPurchase(purchase(T0, 'U1', 'a'), 0);
    expect(s.addBehaviour(behaviour(T0 - 1000, 'click', 'U2'), 1)).toEqual([]);
    expect(s.addBehaviour(behaviour(T0 + 1, 'click', 'U1'), 2)).toEqual([]);
    expect(brief(s.addBehaviour(behaviour(T0 + 2000, 'view', 'U5'), 3))).toEqual(['a:0:grace']);
  });

  it('gives the same affect whatever the interleaving within the grace', () => {
    const records = [
      { kind: 'b' as const, r: behaviour(T0 - 100_000, 'view', 'U1', 'v1') },
      { kind: 'b' as const, r: behaviour(T0 - 50_000, 'click', 'U1', 'c1') },
      { kind: 'p' as const, r: purchase(T0, 'U1', 'p1') },
      { kind: 'p' as const, r: purchase(T0 + 200, 'U2', 'p2') },
      { kind: 'b' as const, r: behaviour(T0 + 100, 'click', 'U2', 'c2') },
      { kind: 'b' as const, r: behaviour(T0 + 5000, 'view', 'U3', 'end') },
    ];
    const run = (order: typeof records) => {
      const s = new WindowState(1000);
      const out: Decision[] = [];
      order.forEach((x, i) => out.push(...(x.kind === 'b' ? s.addBehaviour(x.r as BehaviourAt, i) : s.addPurchase(x.r as PurchaseRecord, i))));
      return out.map((d) => `${d.purchase.purchaseId}:${d.affect}`).sort();
    };
    const expected = ['p1:1', 'p2:1'];
    expect(run(records)).toEqual(expected);
    expect(run([records[2]!, records[3]!, records[0]!, records[4]!, records[1]!, records[5]!])).toEqual(expected);
  });

  it('names the best behaviour held when it decides: the latest click if it came first, else what was there', () => {
    const inOrder = new WindowState(1000);
    inOrder.addBehaviour(behaviour(T0 - 100_000, 'view', 'U1', 'v1'), 0);
    inOrder.addBehaviour(behaviour(T0 - 50_000, 'click', 'U1', 'c1'), 1);
    expect(inOrder.addPurchase(purchase(T0, 'U1', 'p1'), 2)[0]?.behaviour?.eventId).toBe('c1');
    const viewFirst = new WindowState(1000);
    viewFirst.addPurchase(purchase(T0, 'U1', 'p1'), 0);
    expect(viewFirst.addBehaviour(behaviour(T0 - 100_000, 'view', 'U1', 'v1'), 1)[0]?.behaviour?.eventId).toBe('v1');
    expect(viewFirst.addBehaviour(behaviour(T0 - 50_000, 'click', 'U1', 'c1'), 2)).toEqual([]);
  });
});
