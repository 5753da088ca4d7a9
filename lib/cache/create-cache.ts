import type { Redis } from "@upstash/redis";
import { inTransaction } from "@/db/tenant";
import { log as defaultLog } from "@/lib/log";
import { NAMESPACE_PATTERN, readCacheConfig } from "./cache-config";
import { countCacheRead } from "./cache-stats";
import type { CacheStore } from "./cache-store";
import { createFailOpen, describeError, withDeadline, type FailOpenOptions, type WarnLogger } from "./fail-open";
import type { Jsonify } from "./jsonify";
import { createMemoryStore } from "./memory-store";
import { processBackend } from "./process-backend";
import { createSingleFlight } from "./single-flight";
import { createUpstashStore } from "./upstash-store";

/** What `get` and `getOrSet` hand back for a value of type T: its JSON round trip (`undefined` is never cached). */
export type Cached<T> = Jsonify<T> | (undefined extends T ? undefined : never);

/** Options of a write: the tags whose invalidation must also invalidate this entry. */
export interface CacheWriteOptions {
  tags?: readonly string[];
}

/** A namespaced, fail-open cache with TTLs, tag invalidation and single-flight loading. */
export interface Cache {
  readonly backend: "upstash" | "memory";
  readonly namespace: string;
  /** The value, or undefined on a miss, an invalidated tag, or a backend that is down or slow. */
  get<T = unknown>(key: string): Promise<Cached<T> | undefined>;
  /** Stores a JSON-serialisable value for `ttlSeconds`; false when it could not be stored (logged, never thrown). */
  set(key: string, value: unknown, ttlSeconds: number, options?: CacheWriteOptions): Promise<boolean>;
  /** Removes an entry; false when the backend could not be reached. */
  del(key: string): Promise<boolean>;
  /**
   * The cached value, or the loader's (then stored). Concurrent misses of one key in this process share one loader
   * call; a loader error reaches every caller and is not cached. A backend failure only means the loader runs.
   */
  getOrSet<T>(key: string, ttlSeconds: number, loader: () => T | Promise<T>, options?: CacheWriteOptions): Promise<Cached<T>>;
  /** Makes every entry written under `tag` a miss, with one INCR; false when the backend could not be reached. */
  invalidateTag(tag: string): Promise<boolean>;
  /** For health checks: resolves when the backend answers within the timeout, throws otherwise. */
  ping(): Promise<{ ok: true; backend: "upstash" | "memory" }>;
}

/** How to build a cache; everything defaults to the process-wide configuration. */
export interface CreateCacheOptions {
  /** An `@upstash/redis` client, a store, or "memory" for a fresh in-process store. Default: the process backend. */
  backend?: Redis | CacheStore | "memory";
  /** Keys live under `keel:<namespace>:`. Default: CACHE_NAMESPACE, else NODE_ENV. */
  namespace?: string;
  /** Deadline of each backend call. Default: CACHE_TIMEOUT_MS, else 150. */
  timeoutMs?: number;
  log?: WarnLogger;
  /** Off only to measure what it saves. Default true. */
  singleFlight?: boolean;
  /** Circuit breaker and log interval; the defaults suit production. */
  failOpen?: Pick<FailOpenOptions, "breakerThreshold" | "breakerCooldownMs" | "logIntervalMs" | "now">;
}

type Envelope = { v: unknown; t?: Record<string, number> };

const isStore = (backend: Redis | CacheStore): backend is CacheStore => "ensureCounters" in backend;

function asEnvelope(raw: unknown): Envelope | undefined {
  if (typeof raw !== "object" || raw === null || !("v" in raw)) return undefined;
  const t = (raw as { t?: unknown }).t;
  if (t !== undefined && (typeof t !== "object" || t === null)) return undefined;
  return raw as Envelope;
}

function checkArgs(key: string, ttlSeconds?: number) {
  // Programming errors, not outages: they fail loudly so they are found in development.
  if (inTransaction()) {
    // A cache call holds the transaction (and its row locks) open for a network round trip, and a loader would open
    // a second transaction on another connection: run it before, or after commit with afterCommit().
    throw new Error("cache call inside a database transaction: move it before the transaction or into afterCommit()");
  }
  if (typeof key !== "string" || key.length === 0) throw new TypeError("cache key must be a non-empty string");
  if (ttlSeconds !== undefined && !(Number.isFinite(ttlSeconds) && ttlSeconds > 0)) {
    throw new RangeError(`cache TTL must be a positive number of seconds, got ${ttlSeconds}`);
  }
}

/** Builds a cache; app code uses the default `cache` instance, tests and benchmarks build their own. */
export function createCache(options: CreateCacheOptions = {}): Cache {
  // The process backend is only built when it is the one asked for; otherwise the environment only fills gaps.
  const processDefaults = options.backend === undefined ? processBackend() : undefined;
  const config = processDefaults?.config ?? readCacheConfig();
  const backend = options.backend ?? processDefaults?.store ?? "memory";
  const store = backend === "memory" ? createMemoryStore() : isStore(backend) ? backend : createUpstashStore(backend);
  const namespace = options.namespace ?? config.namespace;
  const timeoutMs = options.timeoutMs ?? config.timeoutMs;
  if (!NAMESPACE_PATTERN.test(namespace)) throw new TypeError(`cache namespace "${namespace}" must match ${NAMESPACE_PATTERN}`);

  const guard = createFailOpen({
    component: "cache",
    backend: store.kind,
    // An in-process call cannot hang, and a timer per call would double the cost of a hit.
    timeoutMs: store.kind === "memory" ? 0 : timeoutMs,
    log: options.log ?? defaultLog,
    ...options.failOpen,
  });
  const flights = options.singleFlight === false ? undefined : createSingleFlight();

  // Entries under `keel:<ns>:`, Keel's own bookkeeping under `keel:<ns>#`: no cache key can land on a tag counter.
  const entryKey = (key: string) => `keel:${namespace}:${key}`;
  const tagKey = (tag: string) => {
    if (typeof tag !== "string" || tag.length === 0) throw new TypeError("cache tag must be a non-empty string");
    return `keel:${namespace}#tag:${tag}`;
  };

  const versionsMatch = (entry: Envelope, tags: readonly string[], current: readonly unknown[]) => {
    const recorded = entry.t ?? {};
    if (Object.keys(recorded).length !== tags.length) return false;
    // A missing counter (evicted, or never created) never matches: see ensureCounters in `load`.
    return tags.every((tag, i) => current[i] != null && Number(current[i]) === recorded[tag]);
  };

  /** JSON text of the envelope and the value as it reads back, or undefined when the value cannot be cached. */
  const serialize = (value: unknown, tags: readonly string[], versions: readonly unknown[]) => {
    if (value === undefined) return undefined;
    try {
      const t = tags.length ? Object.fromEntries(tags.map((tag, i) => [tag, Number(versions[i])])) : undefined;
      const json = JSON.stringify(t ? { v: value, t } : { v: value });
      return { json, value: (JSON.parse(json) as Envelope).v };
    } catch (err) {
      // BigInt or a cycle: a bug in the caller, but the request it serves must not fail because of the cache.
      guard.warn("serialize", { error: describeError(err) }, "cache: value is not JSON-serialisable; not cached");
      return undefined;
    }
  };

  /**
   * Tag versions: a counter per tag that an invalidation bumps, recorded in each entry. A missing counter is created
   * at the current time in ms rather than 0, so a counter that Redis evicted comes back with a value no old entry
   * recorded, instead of resurrecting entries that an invalidation had already killed.
   */
  const currentVersions = async (op: string, tags: readonly string[], known?: readonly unknown[]) => {
    if (tags.length === 0) return [];
    if (known && known.every((v) => v != null)) return known;
    const ensured = await guard.run(op, () => store.ensureCounters(tags.map(tagKey), Date.now()));
    return ensured.ok && ensured.value.every((v) => Number.isFinite(Number(v)) && v != null) ? ensured.value : undefined;
  };

  async function load<T>(key: string, ttlMs: number, loader: () => T | Promise<T>, tags: readonly string[]): Promise<unknown> {
    // One round trip reads the entry and the versions of the tags it should have been written under.
    const read = await guard.run("get", () => store.mget([key, ...tags.map(tagKey)]));
    if (!read.ok) {
      countCacheRead(false);
      // The backend is down or slow: serve the source of truth, and don't wait on a write that would fail as well.
      const value = await loader();
      return serialize(value, [], [])?.value ?? value;
    }
    const [raw, ...seen] = read.value;
    const entry = asEnvelope(raw);
    const hit = Boolean(entry && versionsMatch(entry, tags, seen));
    countCacheRead(hit);
    if (hit) return entry!.v;

    // Versions are taken before the loader runs: an invalidation during the load leaves this entry already stale.
    const versions = await currentVersions("set", tags, seen);
    const value = await loader();
    const serialized = serialize(value, tags, versions ?? []);
    if (!serialized) return value;
    if (versions) await guard.run("set", () => store.set(key, serialized.json, ttlMs));
    return serialized.value;
  }

  return {
    backend: store.kind,
    namespace,

    async get<T>(key: string) {
      checkArgs(key);
      const read = await guard.run("get", () => store.mget([entryKey(key)]));
      const entry = read.ok ? asEnvelope(read.value[0]) : undefined;
      if (!entry) {
        countCacheRead(false);
        return undefined;
      }
      const tags = Object.keys(entry.t ?? {});
      if (tags.length === 0) {
        countCacheRead(true);
        return entry.v as Cached<T>;
      }
      const current = await guard.run("get", () => store.mget(tags.map(tagKey)));
      const hit = current.ok && versionsMatch(entry, tags, current.value);
      countCacheRead(hit);
      return hit ? (entry.v as Cached<T>) : undefined;
    },

    async set(key, value, ttlSeconds, { tags = [] } = {}) {
      checkArgs(key, ttlSeconds);
      const unique = [...new Set(tags)];
      // Versions read now, after the caller computed the value: prefer getOrSet, which reads them before loading.
      const versions = await currentVersions("set", unique);
      if (!versions) return false;
      const serialized = serialize(value, unique, versions);
      if (!serialized) return false;
      return (await guard.run("set", () => store.set(entryKey(key), serialized.json, ttlSeconds * 1000))).ok;
    },

    async del(key) {
      checkArgs(key);
      return (await guard.run("del", () => store.del(entryKey(key)))).ok;
    },

    async getOrSet<T>(key: string, ttlSeconds: number, loader: () => T | Promise<T>, { tags = [] }: CacheWriteOptions = {}) {
      checkArgs(key, ttlSeconds);
      const full = entryKey(key);
      const unique = [...new Set(tags)];
      unique.forEach(tagKey);
      const work = () => load(full, ttlSeconds * 1000, loader, unique);
      return (await (flights ? flights.run(full, work) : work())) as Cached<T>;
    },

    async invalidateTag(tag) {
      checkArgs(tag);
      const key = tagKey(tag);
      return (await guard.run("invalidateTag", () => store.incr(key))).ok;
    },

    async ping() {
      try {
        await withDeadline(store.ping(), timeoutMs);
      } catch (err) {
        throw new Error(`cache ${store.kind} backend did not answer: ${describeError(err)}`, { cause: err });
      }
      return { ok: true, backend: store.kind };
    },
  };
}
