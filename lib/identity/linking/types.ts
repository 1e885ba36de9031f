import type { L1Record } from '../cleansing/cleanse';

/** One source record as linking sees it: its key in the union ("DI:123"), when its source created it, its L1 fields. */
export interface LinkRecord {
  /** channel and id in its source, unique across sources */
  key: string;
  /** ISO time the source created the record: "oldest" means smallest (createdAt, key) */
  createdAt: string;
  l1: L1Record;
}

/** Staff said two records are the same person: they are linked whatever the rules and guards say (not a ban). */
export interface ManualMerge {
  id: string;
  a: string;
  b: string;
}

/** Staff said "not the same person": no group ever holds a record of `a` and a record of `b`. */
export interface ManualBan {
  id: string;
  a: readonly string[];
  b: readonly string[];
}

export type Change =
  | { type: 'upsert'; record: LinkRecord }
  | { type: 'delete'; key: string }
  | { type: 'merge'; merge: ManualMerge }
  | { type: 'ban'; ban: ManualBan }
  /** withdraw a manual merge or ban by its id */
  | { type: 'lift'; id: string };

/** What a change is, in short, for the cause of an event. */
export type ChangeRef = { type: 'upsert' | 'delete'; key: string } | { type: 'merge' | 'ban' | 'lift'; id: string };

/** A rule's link between two records (a < b); `rule` is the rule's id, or "manual" for a staff merge. */
export interface Link {
  a: string;
  b: string;
  rule: string;
  /** mean of the matched rule's criterion scores, 1 for a manual merge */
  score: number;
}

export type RefusalKind = 'conflict' | 'size-limit' | 'ban';

/** A link the guards did not follow: the two groups it would have joined stay apart. */
export interface Refusal extends Link {
  kind: RefusalKind;
  /** one line: "birth 1990-01-02 ≠ 1985-03-04", "52 records > 50", "ban b1" */
  detail: string;
}

/** When a profile began: the age of the record its id was derived from. The oldest profile is the smallest. */
export interface Since {
  createdAt: string;
  key: string;
}

export interface Profile {
  id: string;
  /** record keys, oldest first */
  records: string[];
  /** the links that hold the group together (a spanning forest: one fewer than the records) */
  links: Link[];
  /** links refused at this group's edge; a size-limit refusal means the group is held for review */
  refusals: Refusal[];
  review: boolean;
}

/** A profile as the engine keeps it: with the age that decides which id wins a merge. */
export interface StoredProfile extends Profile {
  since: Since;
}

export type ProfileEvent =
  | { type: 'created'; profileId: string; records: string[]; cause: { change: ChangeRef } }
  /** records of several old profiles (or new records) ended in one; `absorbed` ids now redirect to `profileId` */
  | { type: 'merged'; profileId: string; absorbed: string[]; from: { profileId: string | null; records: string[] }[]; cause: { change: ChangeRef; links: Link[] } }
  /** an old profile's records ended in several; the part in `profileId` kept the id */
  | { type: 'split'; profileId: string; parts: { profileId: string; records: string[] }[]; cause: { change: ChangeRef; lost: LostLink[] } }
  /** the profile's last record was deleted */
  | { type: 'removed'; profileId: string; cause: { change: ChangeRef } };

/** A link that held an old profile together and no longer does, and why. */
export interface LostLink extends Link {
  why: 'record-deleted' | 'no-longer-linked' | RefusalKind;
}

export interface ApplyResult {
  events: ProfileEvent[];
  /** profiles whose records or links changed (new and surviving ones), as they are now */
  changed: Profile[];
  /** ids that no longer name a profile: absorbed (they redirect) or removed */
  retired: string[];
}
