/** A set of the last `capacity` keys added (the oldest forgotten first): the settlement worker's memory of recent events. */
export class RecentKeys {
  private readonly set = new Set<string>();
  private readonly ring: (string | undefined)[];
  private next = 0;

  constructor(readonly capacity: number) {
    this.ring = new Array<string | undefined>(capacity);
  }

  has(key: string): boolean {
    return this.set.has(key);
  }

  add(key: string): void {
    if (this.set.has(key)) return;
    const old = this.ring[this.next];
    if (old !== undefined) this.set.delete(old);
    this.ring[this.next] = key;
    this.next = (this.next + 1) % this.capacity;
    this.set.add(key);
  }

  get size(): number {
    return this.set.size;
  }
}
