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
  /** the over-large keys and how many records share each, largest first */
  oversized(): { key: string; size: number }[];
}

export class MemoryCandidateIndex implements CandidateIndex {
  private readonly blocks = new Map<string, Set<string>>();
  private readonly tooLarge = new Set<string>();

  constructor(private readonly maxBlockSize: number) {}

  candidates(record: Blockable): string[] {
    const out = new Set<string>();
    for (const k of record.l1.keys) {
      const block = this.blocks.get(k);
      if (!block || block.size > this.maxBlockSize) continue;
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
      if (block.size === this.maxBlockSize + 1) {
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
      if (block.size === this.maxBlockSize) {
        this.tooLarge.delete(k);
        usable.push(k);
      }
    }
    return { usable };
  }

  members(blockKey: string): readonly string[] {
    return [...(this.blocks.get(blockKey) ?? [])];
  }

  oversized(): { key: string; size: number }[] {
    return [...this.tooLarge]
      .map((key) => ({ key, size: this.blocks.get(key)!.size }))
      .sort((x, y) => y.size - x.size || (x.key < y.key ? -1 : 1));
  }
}
