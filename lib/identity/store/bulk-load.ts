/**
 * The bulk load: an empty identity store filled from a whole population of source records at once (the first
 * backfill of existing sources, a legacy import, the 3-million-record benchmark). It computes exactly what
 * `LinkingEngine.rebuild` computes (the integration test compares them), then the incremental path (apply.ts) carries
 * on from it; what differs is how:
 *
 *   1. records in: each record's blocking keys are hashed (64 bits: a 256-way bucket and 41 bits with the record's
 *      index, in BigUint64Arrays sorted natively), what the rules compare is kept packed in one buffer, its
 *      IdentityRecord row and unify input are spilled to a file, and its IdentityBlock rows stream to COPY;
 *   2. links: the usable blocks (2 to maxBlockSize records) in hash order; each pair is evaluated once, in the first
 *      usable block the two records share, by the same `linkingRule` as the engine; links stream to COPY;
 *   3. groups: union-find over the links gives the linked components, and each component of two records or more is
 *      grouped by the engine's own `groupRecords` (guards and all); ids are the engine's (derived from the oldest
 *      record's key);
 *   4. out: per group, its records read back from the spill (pread), unified, and written: IdentityRecord (COPY,
 *      live), profiles, ids, 'created' events and optionally the L2 outbox rows (files, then COPY); then the block
 *      sizes (one aggregate), the indexes and keys (dropped at the start: built once, sorted, instead of row by row),
 *      ANALYZE.
 *
 * All of it is one transaction under IDENTITY_LOCK: a crash leaves the store as it was (empty), and the tables are
 * locked for the duration (the staff pages wait). The tables, found empty, are truncated first so the rows can be
 * copied frozen: with 3 million records, the first reads after a plain load would write every page again (hint bits)
 * and the block lookups could not be index-only until a vacuum had run. Memory is about 300 bytes a record (3M records: under 1 GB); the
 * spill file about 1.5 kB a record, deleted at the end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { L1Record } from '../cleansing/cleanse';
import { defaultRuleset } from '../linking/default-ruleset';
import { linkingRule } from '../linking/evaluate';
import { groupRecords, type Group } from '../linking/grouping';
import { ProfileIds } from '../linking/profile-ids';
import type { Ruleset } from '../linking/ruleset';
import type { Link, LinkRecord } from '../linking/types';
import { DEFAULT_UNIFY_CONFIG, type UnifyConfig } from '../unify/config';
import { unify, type UnifyRecord } from '../unify/unify';
import type { ProfileMessage } from './apply';
import { copyField, copyFile, copyInto, copyTextArray, fileWriter, type LineWriter } from './copy';
import type { SourceRow } from './source-records';
import { IDENTITY_LOCK } from './sql';

export interface BulkLoadOptions {
  ruleset?: Ruleset;
  unifyConfig?: UnifyConfig;
  /** write one L2 message per profile into the outbox for this topic (the relay publishes them); none if omitted */
  profilesTopic?: string;
  /** where the spill files go (default: the OS temp directory) */
  spillDir?: string;
  onProgress?: (p: { phase: string; done: number; total?: number }) => void;
}

export interface BulkLoadResult {
  records: number;
  links: number;
  profiles: number;
  review: number;
  /** blocking keys held by more than maxBlockSize records (no candidates) */
  oversizedBlocks: number;
  /** candidate pairs evaluated */
  pairs: number;
  /** seconds per phase */
  phases: Record<string, number>;
  /** the largest RSS of this process seen during the load */
  peakRss: number;
}

export class StoreNotEmpty extends Error {
  constructor() {
    super('identity: the bulk load fills an empty store only (records, profile ids or manual decisions are there already): changes to a populated store go through the identity worker');
  }
}

/** the identity tables the load fills; their indexes and keys are dropped and built again at the end */
const TABLES = ['IdentityRecord', 'IdentityBlock', 'IdentityBlockSize', 'IdentityLink', 'IdentityProfile', 'IdentityProfileId', 'IdentityEvent'];
const RECORD_COLUMNS = ['key', 'source', 'sourceId', 'createdAt', 'updatedAt', 'raw', 'l1', 'name', 'initials', 'phones', 'email', 'profileId'];
const PROFILE_COLUMNS = ['id', 'sinceCreatedAt', 'sinceKey', 'records', 'links', 'refusals', 'review', 'golden', 'contactPoints', 'name', 'version'];
const EVENT_COLUMNS = ['profileId', 'type', 'detail', 'why'];
const OUTBOX_COLUMNS = ['eventId', 'topic', 'key', 'type', 'envelope'];
const IDX_BITS = 23;
const MAX_RECORDS = 2 ** IDX_BITS;

/** 64 bits of a string (cyrb53's two lanes, kept whole): the blocking key as the bulk load sorts it. */
function hash64(s: string): [number, number] {
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** A growable array of (41-bit key hash, 23-bit record index) as uint64, sorted natively by key hash then index. */
class Memberships {
  arr = new BigUint64Array(1024);
  u32 = new Uint32Array(this.arr.buffer);
  n = 0;
  push(hi: number, lo: number) {
    if (this.n === this.arr.length) {
      const next = new BigUint64Array(this.arr.length * 2);
      next.set(this.arr);
      this.arr = next;
      this.u32 = new Uint32Array(next.buffer);
    }
    this.u32[2 * this.n] = lo;
    this.u32[2 * this.n + 1] = hi;
    this.n++;
  }
}

/** A typed array that doubles when full: the load does not know how many records, keys or links it will see. */
class Grow<A extends Uint32Array | Float64Array> {
  n = 0;
  constructor(public a: A, private readonly make: (length: number) => A) {}
  push(v: number) {
    if (this.n === this.a.length) {
      const next = this.make(this.a.length * 2);
      next.set(this.a);
      this.a = next;
    }
    this.a[this.n++] = v;
  }
}
const growU32 = () => new Grow(new Uint32Array(1 << 16), (n) => new Uint32Array(n));
const growF64 = () => new Grow(new Float64Array(1 << 16), (n) => new Float64Array(n));

/**
 * What the rules and the guards read of an L1 record, and nothing else (the bulk load holds every record's): names'
 * key, jamo and script; phones' E.164 and flags; email; birth date, its pivot flag and gender; the district (an index
 * into a table of the few hundred there are). Values only an `exact` (as written) or address-text criterion reads are
 * kept only when the ruleset has one.
 */
type Packed = [
  name: [raw: string, key: string, jamo: string, script: string | null] | 0,
  phones: [raw: string, e164: string | null, matchable: 0 | 1, alone: 0 | 1][],
  email: [raw: string, value: string, matchable: 0 | 1] | 0,
  birth: [date: string | null, pivoted: 0 | 1, gender: string | null] | 0,
  address: [raw: string, normalised: string, district: number] | 0,
];

type District = { sido: string | null; sigungu: string | null; district: string | null };

/** Packs and unpacks records' comparable fields for one ruleset. */
class Packer {
  private readonly raw: { name: boolean; phone: boolean; email: boolean; address: boolean };
  private readonly districts: District[] = [];
  private readonly districtIndex = new Map<string, number>();

  constructor(ruleset: Ruleset) {
    const exact = (field: string) => ruleset.rules.some((r) => r.criteria.some((c) => c.field === field && c.method === 'exact'));
    this.raw = { name: exact('name'), phone: exact('phone'), email: exact('email'),
      address: ruleset.rules.some((r) => r.criteria.some((c) => c.field === 'address' && c.method !== 'same-district')) };
  }

  pack(l1: L1Record): string {
    const { name, email, birth, address } = l1;
    let district = 0;
    if (address) {
      const k = `${address.sido}|${address.sigungu}|${address.district}`;
      district = this.districtIndex.get(k) ?? -1;
      if (district < 0) {
        district = this.districts.push({ sido: address.sido, sigungu: address.sigungu, district: address.district }) - 1;
        this.districtIndex.set(k, district);
      }
    }
    const p: Packed = [
      name ? [this.raw.name ? name.raw : '', name.key, name.jamo, name.script] : 0,
      l1.phones.map((x) => [this.raw.phone ? x.raw : '', x.e164, x.matchable ? 1 : 0, x.alone ? 1 : 0]),
      email ? [this.raw.email ? email.raw : '', email.value, email.matchable ? 1 : 0] : 0,
      birth ? [birth.date, birth.flags.includes('pivoted') ? 1 : 0, birth.gender] : 0,
      address ? [this.raw.address ? address.raw : '', this.raw.address ? address.normalised : '', district] : 0,
    ];
    return JSON.stringify(p);
  }

  /** The packed fields as an L1 record: only what `pack` kept is there (what linkingRule and groupRecords read). */
  unpack(s: string): L1Record {
    const [n, phones, e, b, a] = JSON.parse(s) as Packed;
    return {
      name: n ? { raw: n[0], key: n[1], jamo: n[2], script: n[3], display: n[1] } as unknown as L1Record['name'] : null,
      phones: phones.map(([raw, e164, matchable, alone]) => ({ raw, e164, matchable: matchable === 1, alone: alone === 1 })) as unknown as L1Record['phones'],
      email: e ? { raw: e[0], value: e[1], matchable: e[2] === 1 } as unknown as L1Record['email'] : null,
      birth: b ? { date: b[0], flags: b[1] ? ['pivoted'] : [], gender: b[2] } as unknown as L1Record['birth'] : null,
      address: a ? { raw: a[0], normalised: a[1], ...this.districts[a[2]]! } as unknown as L1Record['address'] : null,
      keys: [], flags: [],
    };
  }
}

/** Strings kept as bytes in 32 MB chunks (nothing copied as it grows); each found again by its place and length. */
class Pool {
  private readonly chunks: Buffer[] = [];
  private used = 0;
  private static readonly SIZE = 1 << 25;
  readonly at = growF64();
  readonly len = growU32();
  add(s: string): void {
    const need = Buffer.byteLength(s);
    if (!this.chunks.length || this.used + need > Pool.SIZE) {
      this.chunks.push(Buffer.allocUnsafe(Math.max(Pool.SIZE, need)));
      this.used = 0;
    }
    this.at.push((this.chunks.length - 1) * Pool.SIZE + this.used);
    this.len.push(this.chunks[this.chunks.length - 1]!.write(s, this.used));
    this.used += need;
  }
  get(i: number): string {
    const at = this.at.a[i]!, chunk = Math.floor(at / Pool.SIZE), from = at - chunk * Pool.SIZE;
    return this.chunks[chunk]!.toString('utf8', from, from + this.len.a[i]!);
  }
  bytes(): number {
    return this.chunks.length * Pool.SIZE;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Indexes and keys of the tables, to drop before the load and build after it. */
async function dropIndexes(client: pg.PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ tbl: string; idx: string; def: string; con: string | null; condef: string | null }>(
    `SELECT t.relname AS tbl, ic.relname AS idx, pg_get_indexdef(i.indexrelid) AS def, c.conname AS con, pg_get_constraintdef(c.oid) AS condef
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
     LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = t.oid AND c.contype IN ('p', 'u')
     WHERE t.relname = ANY($1) AND t.relnamespace = current_schema()::regnamespace`, [TABLES]);
  const rebuild: string[] = [];
  for (const r of rows) {
    if (r.con) {
      await client.query(`ALTER TABLE "${r.tbl}" DROP CONSTRAINT "${r.con}"`);
      rebuild.push(`ALTER TABLE "${r.tbl}" ADD CONSTRAINT "${r.con}" ${r.condef}`);
    } else {
      await client.query(`DROP INDEX "${r.idx}"`);
      rebuild.unshift(r.def); // plain indexes first: the keys after them
    }
  }
  return rebuild;
}

/**
 * Fill an empty identity store from `rows` (each source record once). Throws StoreNotEmpty if the store holds
 * anything. Resolves when the transaction committed.
 */
export async function bulkLoad(pool: pg.Pool, rows: AsyncIterable<SourceRow> | Iterable<SourceRow>, o: BulkLoadOptions = {}): Promise<BulkLoadResult> {
  const ruleset = o.ruleset ?? defaultRuleset;
  const max = ruleset.limits.maxBlockSize;
  const ruleIds = ruleset.rules.map((r) => r.id);
  const progress = o.onProgress ?? (() => {});
  const phases: Record<string, number> = {};
  let last = performance.now(), lastCpu = process.cpuUsage(), peakRss = 0;
  const mark = (phase: string) => {
    const now = performance.now(), cpu = process.cpuUsage();
    phases[phase] = (phases[phase] ?? 0) + (now - last) / 1000;
    // this process's CPU in the phase: wall time well above it is time spent waiting for PostgreSQL
    phases[`${phase} cpu`] = (phases[`${phase} cpu`] ?? 0) + (cpu.user + cpu.system - lastCpu.user - lastCpu.system) / 1e6;
    last = now;
    lastCpu = cpu;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const dir = fs.mkdtempSync(path.join(o.spillDir ?? os.tmpdir(), 'identity-bulk-'));
  const client = await pool.connect();
  const writers: LineWriter[] = []; // COPY streams to abort if anything fails (a connection in COPY cannot roll back)
  const copy = (table: string, columns: readonly string[]) => {
    const w = copyInto(client, table, columns, { freeze: true });
    writers.push(w);
    return w;
  };
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [IDENTITY_LOCK]);
    const { rows: [state] } = await client.query<{ any: boolean }>(
      `SELECT ${[...TABLES, 'IdentityManual'].map((t) => `EXISTS (SELECT 1 FROM "${t}")`).join(' OR ')} AS any`);
    if (state!.any) throw new StoreNotEmpty();
    // empty, and truncated in this transaction: COPY may then write the rows frozen (see copyInto)
    await client.query(`TRUNCATE ${TABLES.map((t) => `"${t}"`).join(', ')}`);
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    await client.query(`SET LOCAL work_mem = '128MB'`);
    const rebuildIndexes = await dropIndexes(client);

    // ── 1. records in ─────────────────────────────────────────────────────────────────────────────────────────
    // record keys as bytes, off the JS heap (3M strings there make every full GC mark them all): keyOf(i) reads one back
    const keyPool = new Pool();
    const keyOf = (i: number) => keyPool.get(i);
    const created = growF64();
    const packer = new Packer(ruleset), packed = new Pool();
    const spillFile = path.join(dir, 'records');
    const spill = fs.openSync(spillFile, 'w');
    const spillAt = growF64(), spillLen = growU32();
    let spillPos = 0, spillBuf: string[] = [], spillBufBytes = 0;
    const flushSpill = () => {
      if (!spillBuf.length) return;
      const b = Buffer.from(spillBuf.join(''));
      fs.writeSync(spill, b);
      spillBuf = [];
      spillBufBytes = 0;
    };
    const buckets = Array.from({ length: 256 }, () => new Memberships());
    const blocks = copy('IdentityBlock', ['blockKey', 'recordKey']);
    for await (const r of rows) {
      const i = keyPool.len.n;
      if (i >= MAX_RECORDS) throw new RangeError(`identity: the bulk load takes at most ${MAX_RECORDS} records at once`);
      keyPool.add(r.key);
      created.push(r.createdAt.getTime());
      packed.add(packer.pack(r.l1));
      for (const k of new Set(r.l1.keys)) {
        const [h1, h2] = hash64(k);
        // bucket: h1's low 8 bits; then 41 bits (h1's next 24, h2's low 17) above the 23-bit index
        buckets[h1 & 255]!.push((((h2 & 0x1ffff) << 15) | (h1 >>> 17)) >>> 0, ((((h1 >>> 8) & 0x1ff) << IDX_BITS) | i) >>> 0);
        const w = blocks.write(`${copyField(k)}\t${copyField(r.key)}`);
        if (w) await w;
      }
      const { l1 } = r;
      // the row without its l1 column, then the l1 JSON as is: phase 4 escapes it for the row and parses it for unify
      // (one stringify a record, not two)
      const row = [r.key, r.source, r.sourceId, iso(r.createdAt.getTime()), iso(r.updatedAt.getTime())].map(copyField).join('\t')
        + `\t${copyField(JSON.stringify(r.raw))}`;
      const rest = `${copyField(l1.name?.key.replace(/ /g, '') ?? null)}\t${copyField(l1.name?.initials || null)}`
        + `\t${copyTextArray([...new Set(l1.phones.flatMap((p) => (p.e164 ? [p.e164] : [])))])}\t${copyField(l1.email?.value ?? null)}`;
      const entry = `${row}\u0000${rest}\u0000${r.source}\u0000${r.updatedAt.getTime()}\u0000${r.gender ?? ''}\u0000${JSON.stringify(l1)}`;
      const bytes = Buffer.byteLength(entry);
      spillAt.push(spillPos);
      spillLen.push(bytes);
      spillPos += bytes;
      spillBuf.push(entry);
      spillBufBytes += bytes;
      if (spillBufBytes > 1 << 20) flushSpill();
      if ((i + 1) % 50_000 === 0) {
        progress({ phase: 'records', done: i + 1 });
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }
    }
    flushSpill();
    fs.closeSync(spill);
    await blocks.end();
    const N = keyPool.len.n;
    // each record's place in key order: links are stored (a, b) with a < b, as the engine stores them
    const rank = new Uint32Array(N);
    {
      const all = Array.from({ length: N }, (_, i) => keyOf(i));
      const order = Uint32Array.from({ length: N }, (_, i) => i).sort((x, y) => (all[x]! < all[y]! ? -1 : all[x]! > all[y]! ? 1 : 0));
      for (let j = 0; j < N; j++) rank[order[j]!] = j;
    }
    progress({ phase: 'records', done: N, total: N });
    mark('records');

    // ── 2. links ──────────────────────────────────────────────────────────────────────────────────────────────
    // the usable blocks, as lists of record indexes (ascending), and each record's usable blocks (ascending ids)
    const blockStart = growU32(), blockMembers = growU32();
    let oversizedBlocks = 0;
    for (const b of buckets) {
      const sorted = b.arr.subarray(0, b.n).sort();
      const u = new Uint32Array(sorted.buffer, sorted.byteOffset, b.n * 2);
      for (let s = 0; s < b.n; ) {
        const hi = u[2 * s + 1]!, top = u[2 * s]! >>> IDX_BITS;
        let e = s + 1;
        while (e < b.n && u[2 * e + 1] === hi && u[2 * e]! >>> IDX_BITS === top) e++;
        const size = e - s;
        if (size > max) oversizedBlocks++;
        else if (size >= 2) {
          blockStart.push(blockMembers.n);
          for (let k = s; k < e; k++) blockMembers.push(u[2 * k]! & (MAX_RECORDS - 1));
        }
        s = e;
      }
      b.arr = new BigUint64Array(0); // freed as we go
      b.u32 = new Uint32Array(0);
    }
    const B = blockStart.n;
    blockStart.push(blockMembers.n);
    const recStart = new Uint32Array(N + 1);
    for (let k = 0; k < blockMembers.n; k++) recStart[blockMembers.a[k]! + 1]!++;
    for (let i = 0; i < N; i++) recStart[i + 1]! += recStart[i]!;
    const recBlocks = new Uint32Array(blockMembers.n);
    const fill = recStart.slice(0, N);
    for (let b = 0; b < B; b++) for (let k = blockStart.a[b]!; k < blockStart.a[b + 1]!; k++) recBlocks[fill[blockMembers.a[k]!]!++] = b;
    /** the first usable block records p and q share (a pair is evaluated there only) */
    const firstShared = (p: number, q: number): number => {
      let x = recStart[p]!, y = recStart[q]!;
      const xe = recStart[p + 1]!, ye = recStart[q + 1]!;
      while (x < xe && y < ye) {
        const bx = recBlocks[x]!, by = recBlocks[y]!;
        if (bx === by) return bx;
        if (bx < by) x++;
        else y++;
      }
      return -1;
    };
    const decode = (i: number): L1Record => packer.unpack(packed.get(i));
    const linkA = growU32(), linkB = growU32(), linkRule = growU32(), linkScore = growF64();
    const linksOut = copy('IdentityLink', ['a', 'b', 'rule', 'score']);
    let pairs = 0;
    for (let b = 0; b < B; b++) {
      const from = blockStart.a[b]!, to = blockStart.a[b + 1]!;
      const l1s: L1Record[] = [];
      for (let k = from; k < to; k++) l1s.push(decode(blockMembers.a[k]!));
      for (let x = from; x < to; x++) {
        for (let y = x + 1; y < to; y++) {
          const p = blockMembers.a[x]!, q = blockMembers.a[y]!;
          if (firstShared(p, q) !== b) continue;
          pairs++;
          const [a, c, la, lc] = rank[p]! < rank[q]! ? [p, q, l1s[x - from]!, l1s[y - from]!] : [q, p, l1s[y - from]!, l1s[x - from]!];
          const m = linkingRule(la, lc, ruleset);
          if (!m) continue;
          linkA.push(a);
          linkB.push(c);
          linkRule.push(ruleIds.indexOf(m.rule));
          linkScore.push(m.score);
          const w = linksOut.write(`${copyField(keyOf(a))}\t${copyField(keyOf(c))}\t${copyField(m.rule)}\t${m.score}`);
          if (w) await w;
        }
      }
      if (b % 20_000 === 0) progress({ phase: 'links', done: b, total: B });
    }
    await linksOut.end();
    progress({ phase: 'links', done: B, total: B });
    mark('links');

    // ── 3. groups ─────────────────────────────────────────────────────────────────────────────────────────────
    const parent = new Int32Array(N), size = new Int32Array(N).fill(1);
    for (let i = 0; i < N; i++) parent[i] = i;
    const find = (i: number): number => {
      while (parent[i] !== i) {
        parent[i] = parent[parent[i]!]!;
        i = parent[i]!;
      }
      return i;
    };
    for (let l = 0; l < linkA.n; l++) {
      let [x, y] = [find(linkA.a[l]!), find(linkB.a[l]!)];
      if (x === y) continue;
      if (size[x]! < size[y]!) [x, y] = [y, x];
      parent[y] = x;
      size[x]! += size[y]!;
    }
    // members and links of each component of two records or more, by root
    const compStart = new Uint32Array(N + 1), compLinkStart = new Uint32Array(N + 1);
    for (let i = 0; i < N; i++) compStart[find(i) + 1]!++;
    for (let l = 0; l < linkA.n; l++) compLinkStart[find(linkA.a[l]!) + 1]!++;
    for (let i = 0; i < N; i++) { compStart[i + 1]! += compStart[i]!; compLinkStart[i + 1]! += compLinkStart[i]!; }
    const compMembers = new Uint32Array(N), compLinks = new Uint32Array(linkA.n);
    {
      const at = compStart.slice(0, N), lat = compLinkStart.slice(0, N);
      for (let i = 0; i < N; i++) compMembers[at[find(i)]!++] = i;
      for (let l = 0; l < linkA.n; l++) compLinks[lat[find(linkA.a[l]!)]!++] = l;
    }
    mark('groups');

    // ── 4. out ────────────────────────────────────────────────────────────────────────────────────────────────
    const fd = fs.openSync(spillFile, 'r');
    let readBuf = Buffer.allocUnsafe(1 << 16);
    const readSpill = (i: number): string[] => {
      const len = spillLen.a[i]!;
      if (len > readBuf.length) readBuf = Buffer.allocUnsafe(len * 2);
      fs.readSync(fd, readBuf, 0, len, spillAt.a[i]!);
      return readBuf.toString('utf8', 0, len).split('\u0000');
    };
    const recordsOut = copy('IdentityRecord', RECORD_COLUMNS);
    const profilesFile = path.join(dir, 'profiles'), idsFile = path.join(dir, 'ids'), eventsFile = path.join(dir, 'events'), outboxFile = path.join(dir, 'outbox');
    const profilesOut = fileWriter(profilesFile), idsOut = fileWriter(idsFile), eventsOut = fileWriter(eventsFile);
    const outboxOut = o.profilesTopic ? fileWriter(outboxFile) : null;
    const idOf = new Map<string, number>(); // record key -> index, for the records of one component
    let profiles = 0, review = 0;
    const writeGroup = async (g: Group) => {
      const id = ProfileIds.candidateIds(g.records[0]!, 1)[0]!;
      const oldest = idOf.get(g.records[0]!)!;
      const unifyInput: UnifyRecord[] = [];
      for (const k of g.records) {
        const i = idOf.get(k)!;
        const [row, rest, source, updatedAt, gender, l1] = readSpill(i) as [string, string, string, string, string, string];
        const w = recordsOut.write(`${row}\t${copyField(l1)}\t${rest}\t${id}`);
        if (w) await w;
        unifyInput.push({ key: k, source, updatedAt: new Date(Number(updatedAt)), gender: (gender || null) as UnifyRecord['gender'], l1: JSON.parse(l1) as L1Record });
      }
      const golden = unify(unifyInput, o.unifyConfig ?? DEFAULT_UNIFY_CONFIG);
      const { phones, emails, records, ...fields } = golden;
      const name = golden.name?.value.replace(/ /g, '') ?? null;
      await profilesOut.write([id, iso(created.a[oldest]!), g.records[0]!].map(copyField).join('\t')
        + `\t${copyTextArray(g.records)}\t${copyField(JSON.stringify(g.links))}\t${copyField(JSON.stringify(g.refusals))}\t${g.review ? 't' : 'f'}`
        + `\t${copyField(JSON.stringify(fields))}\t${copyField(JSON.stringify({ phones, emails }))}\t${copyField(name)}\t1`);
      await idsOut.write(id);
      await eventsOut.write(`${id}\tcreated\t${copyField(JSON.stringify({ type: 'created', profileId: id, records: g.records, cause: { change: { type: 'upsert', key: g.records[0]! } } }))}\tbulk load`);
      if (outboxOut) {
        const message: ProfileMessage = { profileId: id, version: 1, golden: fields, contactPoints: { phones, emails }, records, review: g.review, updatedAt: new Date().toISOString() };
        await outboxOut.write([randomUUID(), o.profilesTopic!, id, 'customer360.profile'].map(copyField).join('\t') + `\t${copyField(JSON.stringify({ ...message, correlationId: id }))}`);
      }
      profiles++;
      if (g.review) review++;
    };
    const done = new Uint8Array(N);
    for (let i = 0; i < N; i++) {
      if (done[i]) continue;
      const root = find(i);
      idOf.clear();
      if (size[root] === 1) {
        const key = keyOf(i);
        idOf.set(key, i);
        await writeGroup({ records: [key], links: [], refusals: [], review: false });
        done[i] = 1;
      } else {
        const members: LinkRecord[] = [];
        for (let k = compStart[root]!; k < compStart[root + 1]!; k++) {
          const m = compMembers[k]!;
          done[m] = 1;
          const key = keyOf(m);
          idOf.set(key, m);
          members.push({ key, createdAt: iso(created.a[m]!), l1: decode(m) });
        }
        const links: Link[] = [];
        for (let k = compLinkStart[root]!; k < compLinkStart[root + 1]!; k++) {
          const l = compLinks[k]!;
          links.push({ a: keyOf(linkA.a[l]!), b: keyOf(linkB.a[l]!), rule: ruleIds[linkRule.a[l]!]!, score: linkScore.a[l]! });
        }
        for (const g of groupRecords({ records: members, links, bans: [], ruleset })) await writeGroup(g);
      }
      if ((i + 1) % 50_000 === 0) {
        progress({ phase: 'profiles', done: i + 1, total: N });
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }
    }
    fs.closeSync(fd);
    progress({ phase: 'profiles', done: N, total: N });
    await recordsOut.end();
    await Promise.all([profilesOut.end(), idsOut.end(), eventsOut.end(), outboxOut?.end()]);
    mark('profiles');
    progress({ phase: 'writing', done: 0 });
    await copyFile(client, 'IdentityProfile', PROFILE_COLUMNS, profilesFile, { freeze: true });
    await copyFile(client, 'IdentityProfileId', ['id'], idsFile, { freeze: true });
    await copyFile(client, 'IdentityEvent', EVENT_COLUMNS, eventsFile, { freeze: true });
    if (outboxOut) {
      await copyFile(client, 'OutboxEvent', OUTBOX_COLUMNS, outboxFile);
      await client.query(`SELECT pg_notify('outbox', '')`); // the relay is woken on commit, as by any outbox write
    }
    await client.query(`INSERT INTO "IdentityBlockSize" ("blockKey", size) SELECT "blockKey", count(*) FROM "IdentityBlock" GROUP BY "blockKey"`);
    mark('write');
    progress({ phase: 'indexes', done: 0, total: rebuildIndexes.length });
    for (const [k, sql] of rebuildIndexes.entries()) {
      // a record key given twice is found here, by the primary key built again: the whole load is rolled back
      await client.query(sql).catch((e: { code?: string; detail?: string; message: string }) => {
        throw e.code === '23505' ? new RangeError(`identity: a record given twice to the bulk load (${e.detail ?? e.message}); nothing was loaded`) : e;
      });
      progress({ phase: 'indexes', done: k + 1, total: rebuildIndexes.length });
    }
    mark('indexes');
    for (const t of TABLES) await client.query(`ANALYZE "${t}"`);
    await client.query('COMMIT');
    mark('commit');
    return { records: N, links: linkA.n, profiles, review, oversizedBlocks, pairs, phases, peakRss };
  } catch (e) {
    for (const w of writers) await w.abort(e as Error);
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
