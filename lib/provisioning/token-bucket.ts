/**
 * Token buckets by key, in this process's memory: `capacity` requests at once, refilled at
 * `perSecond`. A key not seen for a while is forgotten (its bucket would be full anyway), and
 * at most `maxKeys` are kept, so a caller naming endless keys cannot grow memory.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly now: () => number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Takes one token: 0 when allowed, else the seconds until one is available. */
  take(key: string, capacity: number, perSecond: number): number {
    const tokens = this.level(key, capacity, perSecond);
    if (tokens < 1) return Math.max(1, Math.ceil((1 - tokens) / perSecond));
    this.store(key, tokens - 1);
    return 0;
  }

  /** Seconds until `key` may take a token again (0: now), without taking one. */
  wait(key: string, capacity: number, perSecond: number): number {
    const tokens = this.level(key, capacity, perSecond);
    return tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - tokens) / perSecond));
  }

  private level(key: string, capacity: number, perSecond: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return capacity;
    return Math.min(capacity, bucket.tokens + ((this.now() - bucket.at) / 1000) * perSecond);
  }

  private store(key: string, tokens: number): void {
    // Re-inserting moves the key to the end: the first key in the map is the least recent.
    this.buckets.delete(key);
    this.buckets.set(key, { tokens, at: this.now() });
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
  }
}
