import { MemoryCandidateIndex, type CandidateIndex } from './candidate-index';
import { defaultRuleset } from './default-ruleset';
import { explainPair, linkingRule, type PairEvaluation } from './evaluate';
import { groupRecords, type Group } from './grouping';
import { describeChanges } from './events';
import { chooseHeirs, ProfileIds, type OldProfile } from './profile-ids';
import type { Ruleset } from './ruleset';
import type { ApplyResult, Change, ChangeRef, Link, LinkRecord, ManualBan, ManualMerge, Refusal, Since, StoredProfile } from './types';

/**
 * Linking in memory: records, their rule links (pairs sharing a usable blocking key whose ruleset evaluation matches),
 * manual merges and bans, and the profiles (groups with stable ids). `apply` takes one change and regroups only the
 * records connected to it; `rebuild` groups everything from scratch. Both give the same grouping for the same
 * records, merges and bans, whatever the order the changes came in: the links are a function of the records, and
 * each connected set of records is grouped by `groupRecords`, which ignores order.
 */
export class LinkingEngine {
  readonly ruleset: Ruleset;
  private readonly index: CandidateIndex;
  private readonly records = new Map<string, LinkRecord>();
  private readonly links = new Map<string, Map<string, Link>>();
  private readonly merges = new Map<string, ManualMerge>();
  private readonly mergesOf = new Map<string, Set<string>>();
  private readonly bans = new Map<string, ManualBan>();
  private readonly bansOf = new Map<string, Set<string>>();
  private readonly profileOf = new Map<string, string>();
  private readonly profiles = new Map<string, StoredProfile>();
  private readonly ids: ProfileIds;

  constructor({ ruleset = defaultRuleset, index, ids }: { ruleset?: Ruleset; index?: CandidateIndex; ids?: ProfileIds } = {}) {
    this.ruleset = ruleset;
    this.index = index ?? new MemoryCandidateIndex(ruleset.limits.maxBlockSize);
    this.ids = ids ?? new ProfileIds();
  }

  /**
   * An engine over some of the records (the neighbourhood of a batch of changes, loaded from PostgreSQL) with the
   * profiles they are stored in. The records must be whole components (every record linked to one of them, and every
   * record of their profiles, is among them) and `index` must know how many records outside hold each of their keys.
   * The grouping is computed as `rebuild` does; each group takes its stored profile's id (the heir rules decide when
   * the stored grouping differs, say after a ruleset change: `drift` counts those groups).
   */
  static restore({ records, profiles, ruleset = defaultRuleset, index, ids, merges = [], bans = [], links }: {
    records: Iterable<LinkRecord>;
    /**
     * the rule links among the records as stored; when given they are trusted, not evaluated again (the worker's
     * fast path: evaluating every candidate pair of a neighbourhood costs more than the change itself). Omit them
     * after a ruleset change, so every pair is evaluated by the new rules.
     */
    links?: Iterable<Link>;
    profiles: Iterable<{ id: string; since: Since; records: readonly string[] }>;
    ruleset?: Ruleset;
    index: CandidateIndex;
    ids: ProfileIds;
    merges?: Iterable<ManualMerge>;
    bans?: Iterable<ManualBan>;
  }): { engine: LinkingEngine; drift: number } {
    const e = new LinkingEngine({ ruleset, index, ids });
    for (const r of records) {
      e.records.set(r.key, r);
      index.add(r);
    }
    for (const m of merges) e.addMerge(m);
    for (const b of bans) e.addBan(b);
    if (links) {
      for (const l of links) if (e.records.has(l.a) && e.records.has(l.b)) e.addLink(l);
    } else {
      for (const r of e.records.values()) {
        for (const c of index.candidates(r)) if (r.key < c) e.evaluateAndLink(r.key, c);
      }
    }
    const old = new Map<string, OldProfile>();
    const oldOf = new Map<string, string>();
    const stored = new Map<string, string>(); // profile id -> its records, joined, to tell drift
    for (const p of profiles) {
      old.set(p.id, { id: p.id, since: p.since });
      stored.set(p.id, p.records.join('\n'));
      for (const k of p.records) if (e.records.has(k)) oldOf.set(k, p.id);
    }
    let drift = 0;
    const done = new Set<string>();
    for (const k of e.records.keys()) {
      if (done.has(k)) continue;
      const component = e.linkedComponent(k);
      for (const c of component) done.add(c);
      const groups = e.groupComponent(component);
      const heirs = chooseHeirs({ groups: groups.map((g) => g.records), oldOf: (r) => oldOf.get(r), old, age: (r) => e.age(r) });
      groups.forEach((g, i) => {
        const kept = heirs.kept[i];
        if (!kept || stored.get(kept.id) !== g.records.join('\n')) drift++;
        e.store(g, kept ? kept.id : e.ids.issue(g.records[0]!), kept ? kept.since : e.age(g.records[0]!));
      });
      for (const [oldId, i] of heirs.absorbed) e.ids.redirect(oldId, e.profileOf.get(groups[i]!.records[0]!)!);
    }
    return { engine: e, drift };
  }

  /** Group every record from scratch; profile ids are derived from each group's oldest record. */
  static rebuild(records: Iterable<LinkRecord>, { ruleset, merges = [], bans = [] }: { ruleset?: Ruleset; merges?: Iterable<ManualMerge>; bans?: Iterable<ManualBan> } = {}): LinkingEngine {
    const e = new LinkingEngine({ ruleset });
    for (const r of records) {
      e.records.set(r.key, r);
      e.index.add(r);
    }
    for (const m of merges) e.addMerge(m);
    for (const b of bans) e.addBan(b);
    for (const r of e.records.values()) {
      for (const c of e.index.candidates(r)) if (r.key < c) e.evaluateAndLink(r.key, c);
    }
    const done = new Set<string>();
    for (const k of e.records.keys()) {
      if (done.has(k)) continue;
      const component = e.component([k]);
      for (const c of component) done.add(c);
      for (const g of e.groupComponent(component)) e.store(g, e.ids.issue(g.records[0]!), e.age(g.records[0]!));
    }
    return e;
  }

  apply(change: Change): ApplyResult {
    const seeds = new Set<string>();
    let ref: ChangeRef, touched: string | null = null;
    switch (change.type) {
      case 'upsert': {
        const r = change.record;
        ref = { type: 'upsert', key: r.key };
        touched = r.key;
        seeds.add(r.key);
        const old = this.records.get(r.key);
        let usable: string[] = [];
        if (old) {
          for (const n of this.unlinkAll(r.key)) seeds.add(n);
          usable = this.index.remove(old).usable;
        }
        this.records.set(r.key, r);
        const { oversized } = this.index.add(r);
        for (const c of this.index.candidates(r)) if (this.evaluateAndLink(r.key, c)) seeds.add(c);
        this.afterCrossings(oversized, usable, seeds, r.key);
        break;
      }
      case 'delete': {
        ref = { type: 'delete', key: change.key };
        const old = this.records.get(change.key);
        if (!old) return { events: [], changed: [], retired: [] };
        seeds.add(change.key);
        for (const n of this.unlinkAll(change.key)) seeds.add(n);
        this.records.delete(change.key);
        this.afterCrossings([], this.index.remove(old).usable, seeds, null);
        break;
      }
      case 'merge':
        ref = { type: 'merge', id: change.merge.id };
        this.lift(change.merge.id).forEach((k) => seeds.add(k)); // the same id again replaces it
        this.addMerge(change.merge);
        seeds.add(change.merge.a).add(change.merge.b);
        break;
      case 'ban':
        ref = { type: 'ban', id: change.ban.id };
        this.lift(change.ban.id).forEach((k) => seeds.add(k));
        this.addBan(change.ban);
        for (const k of [...change.ban.a, ...change.ban.b]) seeds.add(k);
        break;
      case 'lift': {
        ref = { type: 'lift', id: change.id };
        const keys = this.lift(change.id);
        if (keys.length === 0) return { events: [], changed: [], retired: [] };
        keys.forEach((k) => seeds.add(k));
        break;
      }
    }
    return this.regroup(seeds, ref, touched);
  }

  /** Why two records are (or are not) linked: every rule's comparisons, the blocking keys they share, the guards. */
  explain(a: string, b: string): { evaluation: PairEvaluation; sharedKeys: { key: string; usable: boolean }[]; sameProfile: boolean; refusal: Refusal | null } | null {
    const [ra, rb] = [this.records.get(a), this.records.get(b)];
    if (!ra || !rb) return null;
    const [x, y] = a < b ? [ra, rb] : [rb, ra];
    const inB = new Set(rb.l1.keys);
    const sharedKeys = ra.l1.keys.filter((k) => inB.has(k)).map((key) => ({ key, usable: this.index.sizeOf(key) <= this.ruleset.limits.maxBlockSize }));
    const profile = this.profiles.get(this.profileOf.get(a)!)!;
    const refusal = profile.refusals.find((r) => r.a === x.key && r.b === y.key) ?? null;
    return { evaluation: explainPair(x.l1, y.l1, this.ruleset), sharedKeys, sameProfile: profile.id === this.profileOf.get(b), refusal };
  }

  /** The profile an id names now (following redirects from absorbed ids), null if it was removed or never existed. */
  profile(id: string): StoredProfile | null {
    return this.profiles.get(this.ids.resolve(id)) ?? null;
  }

  record(key: string): LinkRecord | undefined {
    return this.records.get(key);
  }

  /** every rule link, once (a < b) */
  *allLinks(): IterableIterator<Link> {
    for (const [k, m] of this.links) for (const [o, l] of m) if (k < o) yield l;
  }

  profileIdOf(recordKey: string): string | null {
    return this.profileOf.get(recordKey) ?? null;
  }

  /** every group as record keys, oldest first, the groups in the order of their oldest record's key: for comparing two engines */
  grouping(): string[][] {
    return [...this.profiles.values()].map((p) => p.records).sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
  }

  allProfiles(): IterableIterator<StoredProfile> {
    return this.profiles.values();
  }

  stats() {
    let links = 0, review = 0, largest = 0;
    for (const m of this.links.values()) links += m.size;
    for (const p of this.profiles.values()) {
      if (p.review) review++;
      largest = Math.max(largest, p.records.length);
    }
    return { records: this.records.size, profiles: this.profiles.size, links: links / 2, redirects: this.ids.redirectCount(), review, largestProfile: largest, oversizedKeys: this.index.oversized() };
  }

  private age(key: string): Since {
    const r = this.records.get(key)!;
    return { createdAt: r.createdAt, key: r.key };
  }

  private evaluateAndLink(x: string, y: string): boolean {
    const a = x < y ? x : y, b = x < y ? y : x;
    const found = linkingRule(this.records.get(a)!.l1, this.records.get(b)!.l1, this.ruleset);
    if (!found) return false;
    this.addLink({ a, b, ...found });
    return true;
  }

  private addLink(link: Link): void {
    const { a, b } = link;
    for (const [p, q] of [[a, b], [b, a]] as const) {
      let m = this.links.get(p);
      if (!m) this.links.set(p, (m = new Map()));
      m.set(q, link);
    }
  }

  private unlink(x: string, y: string): void {
    for (const [p, q] of [[x, y], [y, x]] as const) {
      const m = this.links.get(p);
      m?.delete(q);
      if (m?.size === 0) this.links.delete(p);
    }
  }

  /** remove every link of a record; returns its former neighbours */
  private unlinkAll(key: string): string[] {
    const neighbours = [...(this.links.get(key)?.keys() ?? [])];
    for (const n of neighbours) this.unlink(key, n);
    return neighbours;
  }

  /**
   * A block that grew past the limit no longer makes candidates: its members lose the links no other usable key
   * supports. A block that came back under it makes candidates again: its pairs are evaluated (`linked` was already).
   */
  private afterCrossings(oversized: string[], usable: string[], seeds: Set<string>, linked: string | null): void {
    for (const bk of oversized.filter((k) => !usable.includes(k))) {
      for (const x of this.index.members(bk)) {
        const mine = this.links.get(x);
        if (!mine) continue;
        const candidates = new Set(this.index.candidates(this.records.get(x)!));
        for (const y of [...mine.keys()]) {
          if (candidates.has(y)) continue;
          this.unlink(x, y);
          seeds.add(x).add(y);
        }
      }
    }
    for (const bk of usable.filter((k) => !oversized.includes(k))) {
      const members = this.index.members(bk);
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const [x, y] = [members[i]!, members[j]!];
          if (x === linked || y === linked || this.links.get(x)?.has(y)) continue;
          if (this.evaluateAndLink(x, y)) seeds.add(x).add(y);
        }
      }
    }
  }

  private addMerge(m: ManualMerge): void {
    this.merges.set(m.id, m);
    for (const k of [m.a, m.b]) this.mergesOf.set(k, (this.mergesOf.get(k) ?? new Set()).add(m.id));
  }

  private addBan(b: ManualBan): void {
    const inA = new Set(b.a);
    const both = b.b.find((k) => inA.has(k));
    if (both) throw new Error(`ban ${b.id}: record ${both} is on both sides`);
    this.bans.set(b.id, b);
    for (const k of [...b.a, ...b.b]) this.bansOf.set(k, (this.bansOf.get(k) ?? new Set()).add(b.id));
  }

  /** withdraw a manual merge or ban; returns the records it named */
  private lift(id: string): string[] {
    const m = this.merges.get(id), b = this.bans.get(id);
    if (m) return this.removeManual(this.merges, this.mergesOf, m.id, [m.a, m.b]);
    if (b) return this.removeManual(this.bans, this.bansOf, b.id, [...b.a, ...b.b]);
    return [];
  }

  private removeManual<T>(all: Map<string, T>, byRecord: Map<string, Set<string>>, id: string, keys: string[]): string[] {
    all.delete(id);
    for (const k of keys) {
      const s = byRecord.get(k);
      s?.delete(id);
      if (s?.size === 0) byRecord.delete(k);
    }
    return keys;
  }

  /** the records connected to `start` by links and manual merges (profiles aside: before any is stored) */
  private linkedComponent(start: string): Set<string> {
    const seen = new Set<string>([start]);
    const queue = [start];
    while (queue.length) {
      const k = queue.pop()!;
      const next = [...(this.links.get(k)?.keys() ?? []), ...[...(this.mergesOf.get(k) ?? [])].map((id) => { const m = this.merges.get(id)!; return m.a === k ? m.b : m.a; })];
      for (const n of next) if (!seen.has(n) && this.records.has(n)) { seen.add(n); queue.push(n); }
    }
    return seen;
  }

  /** the records connected to `start` by links and manual merges, and all records of their profiles */
  private component(start: Iterable<string>): Set<string> {
    const seen = new Set<string>(), profiles = new Set<string>();
    const queue = [...start].filter((k) => this.records.has(k));
    const visit = (k: string) => {
      if (seen.has(k) || !this.records.has(k)) return;
      seen.add(k);
      queue.push(k);
    };
    for (const k of queue.splice(0)) visit(k);
    while (queue.length) {
      const k = queue.pop()!;
      for (const n of this.links.get(k)?.keys() ?? []) visit(n);
      for (const id of this.mergesOf.get(k) ?? []) {
        const m = this.merges.get(id)!;
        visit(m.a === k ? m.b : m.a);
      }
      // an old profile lies inside one old component; its records are reached anyway unless this change cut them off
      const p = this.profileOf.get(k);
      if (p === undefined || profiles.has(p)) continue;
      profiles.add(p);
      for (const o of this.profiles.get(p)!.records) visit(o);
    }
    return seen;
  }

  private groupComponent(component: Set<string>): Group[] {
    const links: Link[] = [];
    const bans = new Set<ManualBan>();
    for (const k of component) {
      for (const [o, l] of this.links.get(k) ?? []) if (k < o) links.push(l);
      for (const id of this.mergesOf.get(k) ?? []) {
        const m = this.merges.get(id)!;
        const [a, b] = m.a < m.b ? [m.a, m.b] : [m.b, m.a];
        if (a === k && component.has(b)) links.push({ a, b, rule: 'manual', score: 1 });
      }
      for (const id of this.bansOf.get(k) ?? []) bans.add(this.bans.get(id)!);
    }
    return groupRecords({ records: [...component].map((k) => this.records.get(k)!), links, bans: [...bans], ruleset: this.ruleset });
  }

  private store(g: Group, id: string, since: Since): StoredProfile {
    const p: StoredProfile = { id, since, ...g };
    this.profiles.set(id, p);
    for (const k of g.records) this.profileOf.set(k, id);
    return p;
  }

  private regroup(seeds: Set<string>, change: ChangeRef, touched: string | null): ApplyResult {
    const old = new Map<string, StoredProfile>();
    for (const s of seeds) {
      const p = this.profiles.get(this.profileOf.get(s) ?? '');
      if (p) old.set(p.id, p);
    }
    // a deleted record's profile is reached through its other records, not through it
    const component = this.component([...seeds, ...[...old.values()].flatMap((p) => p.records)]);
    for (const k of component) {
      const p = this.profiles.get(this.profileOf.get(k) ?? '');
      if (p) old.set(p.id, p);
    }
    const groups = this.groupComponent(component);
    const oldOf = new Map<string, string>();
    for (const p of old.values()) for (const k of p.records) oldOf.set(k, p.id);
    const heirs = chooseHeirs({ groups: groups.map((g) => g.records), oldOf: (k) => oldOf.get(k), old, age: (k) => this.age(k) });

    for (const p of old.values()) this.profiles.delete(p.id);
    for (const k of oldOf.keys()) this.profileOf.delete(k);
    const stored = groups.map((g, i) => {
      const kept = heirs.kept[i];
      return this.store(g, kept ? kept.id : this.ids.issue(g.records[0]!), kept ? kept.since : this.age(g.records[0]!));
    });
    for (const [oldId, i] of heirs.absorbed) this.ids.redirect(oldId, stored[i]!.id);
    return describeChanges({ change, old, stored, oldOf, absorbed: heirs.absorbed, touched, linked: (a, b) => this.links.get(a)?.has(b) === true || this.merged(a, b) });
  }

  private merged(a: string, b: string): boolean {
    for (const id of this.mergesOf.get(a) ?? []) {
      const m = this.merges.get(id)!;
      if ((m.a === a ? m.b : m.a) === b) return true;
    }
    return false;
  }
}
