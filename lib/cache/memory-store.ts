import type { CacheStore } from "./cache-store";

/** Bounds of the in-process store. */
export interface MemoryStoreOptions {
  /** Most entries kept (tag counters included); the least recently used go first. Default 10 000. */
  maxEntries?: number;
  /** Most characters of JSON kept across all entries (about two bytes each). Default 16 Mi (~32 MB). */
  maxChars?: number;
}

type Entry = { json: string; expiresAt: number };

/**
 * The in-process TTL store used when no Upstash Redis is configured. A Map keeps insertion order, so moving an
 * entry to the end on every read makes the first entry the least recently used one: eviction is O(1).
 * Values are kept as JSON text, so what comes back is a fresh copy with exactly Redis's round-trip semantics.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): CacheStore & { readonly size: number } {
  const maxEntries = options.maxEntries ?? 10_000;
  const maxChars = options.maxChars ?? 16 * 1024 * 1024;
  const entries = new Map<string, Entry>();
  let chars = 0;

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    chars -= entry.json.length;
    entries.delete(key);
  };

  const read = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      remove(key);
      return undefined;
    }
    // Most recently used goes last.
    entries.delete(key);
    entries.set(key, entry);
    return entry;
  };

  const write = (key: string, json: string, expiresAt: number) => {
    remove(key);
    // A single value bigger than the whole budget would evict everything else and still not fit.
    if (json.length > maxChars) return;
    entries.set(key, { json, expiresAt });
    chars += json.length;
    const now = Date.now();
    // Expired entries are otherwise only noticed when read; sweeping a few of the oldest on each write keeps
    // short-lived keys that are never read again from taking the space of live ones.
    let swept = 0;
    for (const [oldKey, entry] of entries) {
      if (swept++ >= 8 || oldKey === key) break;
      if (entry.expiresAt <= now) remove(oldKey);
    }
    while (entries.size > maxEntries || chars > maxChars) {
      const oldest = entries.keys().next();
      if (oldest.done) break;
      remove(oldest.value);
    }
  };

  const parse = (entry: Entry | undefined): unknown => (entry ? (JSON.parse(entry.json) as unknown) : null);

  return {
    kind: "memory",
    get size() {
      return entries.size;
    },
    async mget(keys) {
      return keys.map((key) => parse(read(key)));
    },
    async set(key, json, ttlMs) {
      write(key, json, Date.now() + ttlMs);
    },
    async ensureCounters(keys, initial) {
      return keys.map((key) => {
        const entry = read(key);
        if (entry) return parse(entry);
        write(key, String(initial), Infinity);
        return initial;
      });
    },
    async incr(key) {
      const current = read(key);
      const next = (current ? Number(JSON.parse(current.json)) : 0) + 1;
      // Keep the entry's expiry, as INCR does in Redis.
      write(key, String(next), current?.expiresAt ?? Infinity);
      return next;
    },
    async del(key) {
      remove(key);
    },
    async ping() {},
  };
}
