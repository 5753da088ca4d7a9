/**
 * The few storage primitives the cache is built on. Both backends implement them with the same semantics, so the
 * cache logic (tags, single-flight, fail-open) is one code path whichever store sits underneath.
 */
export interface CacheStore {
  readonly kind: "upstash" | "memory";
  /** Values as parsed JSON (null for a missing key), in the order of `keys`. */
  mget(keys: string[]): Promise<unknown[]>;
  /** Stores a JSON text that expires after `ttlMs`. */
  set(key: string, json: string, ttlMs: number): Promise<void>;
  /** Creates each missing counter with `initial` (no expiry) and returns every counter's current value. */
  ensureCounters(keys: string[], initial: number): Promise<unknown[]>;
  /** Adds one to a counter (a missing one becomes 1) and returns the new value. */
  incr(key: string): Promise<number>;
  del(key: string): Promise<void>;
  /** Resolves when the store answers; rejects otherwise. */
  ping(): Promise<void>;
}
