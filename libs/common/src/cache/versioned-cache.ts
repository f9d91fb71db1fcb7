/**
 * A bounded in-memory cache whose entries carry the version of the data they were read at: a
 * read gives the version it just read from the database and gets the entry only if it is of
 * that version, so an entry can never be served once the data moved on, whatever the delay of
 * the notification that evicts it. Least recently used entries go first once the total weight
 * (rows, say) passes `maxWeight`; 0 turns the cache off.
 */
export class VersionedCache<V> {
  private readonly entries = new Map<string, { version: string; value: V; weight: number }>();
  private weight = 0;

  constructor(readonly maxWeight: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string, version: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    // Map keeps insertion order: moving the entry to the end makes it the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, version: string, value: V, weight: number): void {
    this.evict(key);
    if (weight > this.maxWeight) return;
    this.entries.set(key, { version, value, weight });
    this.weight += weight;
    for (const [oldest, entry] of this.entries) {
      if (this.weight <= this.maxWeight) break;
      this.entries.delete(oldest);
      this.weight -= entry.weight;
    }
  }

  evict(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.weight -= entry.weight;
  }

  clear(): void {
    this.entries.clear();
    this.weight = 0;
  }
}
