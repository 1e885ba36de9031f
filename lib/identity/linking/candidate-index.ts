/** What the index needs of a record: its key and its L1 blocking keys. */
export interface Blockable {
  key: string;
  l1: { keys: readonly string[] };
}

/**
 * Blocking: a change is compared only with the records that share one of its blocking keys, never with all. A key
 * shared by more than `maxBlockSize` records (a family's or an office's phone, a very common name and birth year) is
 * over-large: it finds no candidates, and is reported. The in-memory index is for tests and rebuilds; the PostgreSQL
 * one (a table of (blocking key, record key)) implements the same operations.
 */
export interface CandidateIndex {
  /** keys of the records sharing a usable blocking key with `record`, itself excluded, each once */
  candidates(record: Blockable): string[];
  /** index the record's keys; returns those of its keys that this made over-large */
  add(record: Blockable): { oversized: string[] };
  /** unindex the record's keys (as they were when added); returns those that this brought back to a usable size */
  remove(record: Blockable): { usable: string[] };
  /** the records holding a blocking key */
  members(blockKey: string): readonly string[];
  /** how many records hold a blocking key */
  sizeOf(blockKey: string): number;
  /** the over-large keys and how many records share each, largest first */
  oversized(): { key: string; size: number }[];
}

/**
 * The index in memory. `elsewhere` says, per blocking key, how many records hold it besides those added here: the
 * identity worker loads only a change's neighbourhood from PostgreSQL, and a key's usability depends on all of its
 * records (a phone shared by 300 records is over-large even if 3 of them were loaded).
 */
export class MemoryCandidateIndex implements CandidateIndex {
  private readonly blocks = new Map<string, Set<string>>();
  private readonly tooLarge = new Set<string>();

  constructor(private readonly maxBlockSize: number, private readonly elsewhere: ReadonlyMap<string, number> = new Map()) {
    for (const [k, n] of elsewhere) if (n > maxBlockSize) this.tooLarge.add(k);
  }

  private size(k: string): number {
    return (this.blocks.get(k)?.size ?? 0) + (this.elsewhere.get(k) ?? 0);
  }

  candidates(record: Blockable): string[] {
    const out = new Set<string>();
    for (const k of record.l1.keys) {
      const block = this.blocks.get(k);
      if (!block || this.size(k) > this.maxBlockSize) continue;
      for (const other of block) if (other !== record.key) out.add(other);
    }
    return [...out];
  }

  add(record: Blockable): { oversized: string[] } {
    const oversized: string[] = [];
    for (const k of record.l1.keys) {
      let block = this.blocks.get(k);
      if (!block) this.blocks.set(k, (block = new Set()));
      if (block.has(record.key)) continue;
      block.add(record.key);
      if (this.size(k) === this.maxBlockSize + 1) {
        this.tooLarge.add(k);
        oversized.push(k);
      }
    }
    return { oversized };
  }

  remove(record: Blockable): { usable: string[] } {
    const usable: string[] = [];
    for (const k of record.l1.keys) {
      const block = this.blocks.get(k);
      if (!block?.delete(record.key)) continue;
      if (block.size === 0) this.blocks.delete(k);
      if (this.size(k) === this.maxBlockSize) {
        this.tooLarge.delete(k);
        usable.push(k);
      }
    }
    return { usable };
  }

  members(blockKey: string): readonly string[] {
    return [...(this.blocks.get(blockKey) ?? [])];
  }

  /** how many records hold the key, those held elsewhere included */
  sizeOf(blockKey: string): number {
    return this.size(blockKey);
  }

  oversized(): { key: string; size: number }[] {
    return [...this.tooLarge]
      .map((key) => ({ key, size: this.size(key) }))
      .sort((x, y) => y.size - x.size || (x.key < y.key ? -1 : 1));
  }
}
