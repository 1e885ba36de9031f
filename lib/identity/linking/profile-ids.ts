import { createHash } from 'node:crypto';
import { olderFirst } from './grouping';
import type { Since } from './types';


const idFor = (recordKey: string, generation: number) =>
  createHash('sha256').update(generation === 0 ? recordKey : `${recordKey}#${generation}`).digest('hex').slice(0, 32);

/**
 * Profile ids: 32 hex characters (as the seed's) derived from a record key and a generation, so a replay of the same
 * changes gives the same ids; an id is never given twice, and an absorbed id redirects to the profile that absorbed it.
 */
export class ProfileIds {
  private readonly used = new Set<string>();
  private readonly redirects = new Map<string, string>();
  /** ids issued and redirects made by this instance, in order: what the identity worker writes back */
  readonly issuedNow: string[] = [];
  readonly redirectedNow = new Map<string, string>();

  /**
   * @param usedElsewhere ids issued before, outside this instance (the identity worker asks PostgreSQL about the ids
   *   `candidateIds` gives for the records it loaded)
   */
  constructor(private readonly usedElsewhere: (id: string) => boolean = () => false) {}

  /** the ids `issue` may give a profile whose oldest record is `recordKey`, in the order it tries them */
  static candidateIds(recordKey: string, generations = 4): string[] {
    return Array.from({ length: generations }, (_, g) => idFor(recordKey, g));
  }

  /** a fresh id from the key of the new profile's oldest record */
  issue(recordKey: string): string {
    for (let generation = 0; ; generation++) {
      const id = idFor(recordKey, generation);
      if (this.used.has(id) || this.usedElsewhere(id)) continue;
      this.used.add(id);
      this.issuedNow.push(id);
      return id;
    }
  }

  redirect(from: string, to: string): void {
    this.redirects.set(from, to);
    this.redirectedNow.set(from, to);
  }

  /** the id an id stands for now (following redirects), or the id itself */
  resolve(id: string): string {
    let at = id;
    for (let next = this.redirects.get(at); next !== undefined; next = this.redirects.get(at)) at = next;
    // shorten the chain for next time
    if (at !== id) this.redirects.set(id, at);
    return at;
  }

  redirectCount(): number {
    return this.redirects.size;
  }
}

export interface OldProfile {
  id: string;
  since: Since;
}

export interface Heirs {
  /** per new group: the old profile whose id it keeps, null if it needs a new one */
  kept: (OldProfile | null)[];
  /** old profile id -> the group (index) that absorbed it: its records went mostly there, and an older profile's id won */
  absorbed: Map<string, number>;
}

/**
 * Which new group keeps which old profile's id. Each old profile's heir is the group holding most of its records
 * (ties: the part with the oldest record), so on a split the largest part keeps the id; a group that is the heir of
 * several old profiles (a merge) keeps the oldest one's id, and the others are absorbed into it.
 */
export function chooseHeirs({ groups, oldOf, old, age }: {
  /** record keys of each new group, oldest first */
  groups: readonly (readonly string[])[];
  /** the old profile id of a record, undefined for a new record */
  oldOf: (recordKey: string) => string | undefined;
  old: ReadonlyMap<string, OldProfile>;
  age: (recordKey: string) => Since;
}): Heirs {
  // per old profile: the best part so far (group index, count, its oldest record)
  const best = new Map<string, { group: number; count: number; oldest: Since }>();
  groups.forEach((records, group) => {
    const parts = new Map<string, { count: number; oldest: Since }>();
    for (const k of records) {
      const o = oldOf(k);
      if (o === undefined) continue;
      const p = parts.get(o);
      if (p) p.count++;
      else parts.set(o, { count: 1, oldest: age(k) }); // records come oldest first
    }
    for (const [o, p] of parts) {
      const b = best.get(o);
      if (!b || p.count > b.count || (p.count === b.count && olderFirst(p.oldest, b.oldest) < 0)) best.set(o, { group, ...p });
    }
  });
  const claims: OldProfile[][] = groups.map(() => []);
  for (const [o, b] of best) claims[b.group]!.push(old.get(o)!);
  const absorbed = new Map<string, number>();
  const kept = claims.map((cs, group) => {
    if (cs.length === 0) return null;
    const winner = cs.reduce((w, c) => (olderFirst(c.since, w.since) < 0 ? c : w));
    for (const c of cs) if (c !== winner) absorbed.set(c.id, group);
    return winner;
  });
  return { kept, absorbed };
}
