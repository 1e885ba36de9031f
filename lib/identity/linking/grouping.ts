import type { Ruleset } from './ruleset';
import type { Link, LinkRecord, ManualBan, Refusal, RefusalKind } from './types';

export interface Group {
  /** record keys, oldest first */
  records: string[];
  /** the links followed to build the group (a spanning forest) */
  links: Link[];
  refusals: Refusal[];
  /** held for review: a link into it was refused because the group would have grown past the limit */
  review: boolean;
}

/** Oldest first: source creation time, then key, so ties are settled the same way everywhere. */
export const olderFirst = (x: Pick<LinkRecord, 'createdAt' | 'key'>, y: Pick<LinkRecord, 'createdAt' | 'key'>): number =>
  x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : x.key < y.key ? -1 : x.key > y.key ? 1 : 0;

interface SetState {
  size: number;
  births: { date: string; pivoted: boolean }[];
  genders: string[];
  /** ban id -> which sides of it (1: a, 2: b) the set holds */
  bans: Map<string, number>;
}

/** Two birth dates of one person cannot differ; a pivoted one (YYMMDD, century guessed) is compared without its century. */
function birthConflict(x: SetState, y: SetState): string | null {
  for (const p of x.births) {
    for (const q of y.births) {
      const same = p.pivoted || q.pivoted ? p.date.slice(2) === q.date.slice(2) : p.date === q.date;
      if (!same) return `birth ${p.date} ≠ ${q.date}`;
    }
  }
  return null;
}

/**
 * The groups of a set of records, from their links, sequence neutral: the links are followed strongest first (manual
 * merges, then by rule priority, score and keys), and a link is refused when it would put both sides of a ban in one
 * group, join two different strong identifiers (birth dates), or grow a group past `maxGroupSize`; manual merges pass
 * the last two guards (staff decided), never a ban. The result depends only on the records, links and bans given, not
 * on the order they came in, so the incremental path and a rebuild agree.
 */
export function groupRecords({ records, links, bans, ruleset }: {
  records: readonly LinkRecord[];
  links: readonly Link[];
  bans: readonly ManualBan[];
  ruleset: Ruleset;
}): Group[] {
  const priority = new Map(ruleset.rules.map((r, i) => [r.id, i]));
  const rank = (l: Link) => (l.rule === 'manual' ? -1 : priority.get(l.rule) ?? ruleset.rules.length);
  const ordered = [...links].sort((x, y) => rank(x) - rank(y) || y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  const { maxGroupSize } = ruleset.limits;
  const checkBirth = ruleset.conflicts.includes('birth'), checkGender = ruleset.conflicts.includes('gender');

  const parent = new Map<string, string>();
  const state = new Map<string, SetState>();
  for (const r of records) {
    parent.set(r.key, r.key);
    const birth = r.l1.birth;
    state.set(r.key, {
      size: 1,
      births: birth?.date ? [{ date: birth.date, pivoted: birth.flags.includes('pivoted') }] : [],
      genders: birth?.gender ? [birth.gender] : [],
      bans: new Map(),
    });
  }
  for (const ban of bans) {
    for (const [keys, side] of [[ban.a, 1], [ban.b, 2]] as const) {
      for (const k of keys) {
        const s = state.get(k);
        if (s) s.bans.set(ban.id, (s.bans.get(ban.id) ?? 0) | side);
      }
    }
  }
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let at = k; at !== root; ) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };

  const accepted: Link[] = [];
  const refused: Refusal[] = [];
  const refuse = (l: Link, kind: RefusalKind, detail: string) => refused.push({ ...l, kind, detail });
  for (const l of ordered) {
    const [ra, rb] = [find(l.a), find(l.b)];
    if (ra === rb) continue;
    const [sa, sb] = [state.get(ra)!, state.get(rb)!];
    const small = sa.bans.size <= sb.bans.size ? sa : sb, large = small === sa ? sb : sa;
    const ban = [...small.bans].find(([id, side]) => ((large.bans.get(id) ?? 0) | side) === 3);
    if (ban) { refuse(l, 'ban', `ban ${ban[0]}`); continue; }
    if (l.rule !== 'manual') {
      const birth = checkBirth ? birthConflict(sa, sb) : null;
      if (birth) { refuse(l, 'conflict', birth); continue; }
      const gender = checkGender && sa.genders[0] && sb.genders[0] && sa.genders[0] !== sb.genders[0] ? `gender ${sa.genders[0]} ≠ ${sb.genders[0]}` : null;
      if (gender) { refuse(l, 'conflict', gender); continue; }
      if (sa.size + sb.size > maxGroupSize) { refuse(l, 'size-limit', `${sa.size + sb.size} records > ${maxGroupSize}`); continue; }
    }
    // union by size; the kept set takes the other's identifiers and bans
    const [keep, gone] = sa.size >= sb.size ? [ra, rb] : [rb, ra];
    const [k, g] = [state.get(keep)!, state.get(gone)!];
    parent.set(gone, keep);
    k.size += g.size;
    for (const b of g.births) if (!k.births.some((x) => x.date === b.date && x.pivoted === b.pivoted)) k.births.push(b);
    for (const x of g.genders) if (!k.genders.includes(x)) k.genders.push(x);
    for (const [id, side] of g.bans) k.bans.set(id, (k.bans.get(id) ?? 0) | side);
    state.delete(gone);
    accepted.push(l);
  }

  const groups = new Map<string, Group>();
  for (const r of [...records].sort(olderFirst)) {
    const root = find(r.key);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { records: [], links: [], refusals: [], review: false }));
    g.records.push(r.key);
  }
  for (const l of accepted) groups.get(find(l.a))!.links.push(l);
  for (const r of refused) {
    for (const g of new Set([groups.get(find(r.a))!, groups.get(find(r.b))!])) {
      g.refusals.push(r);
      if (r.kind === 'size-limit') g.review = true;
    }
  }
  return [...groups.values()];
}
