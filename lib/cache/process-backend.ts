import type { Redis } from "@upstash/redis";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { readCacheConfig, type CacheConfig } from "./cache-config";
import type { CacheStore } from "./cache-store";
import { createMemoryStore } from "./memory-store";
import { createUpstashRedis } from "./upstash-client";
import { createUpstashStore } from "./upstash-store";

/** The backend of this process: the configuration it came from and its store, plus the Redis client when there is one. */
export interface ProcessBackend {
  config: CacheConfig;
  store: CacheStore;
  redis?: Redis;
}

// On globalThis so that Next's dev server, which re-evaluates modules on every edit, keeps one in-process store
// (and one client) per process instead of a fresh, empty one per reload.
const holder = globalThis as typeof globalThis & { __keelCacheBackend?: ProcessBackend };

/** Chooses the backend once per process from the environment: Upstash when both variables are set, memory otherwise. */
export function processBackend(): ProcessBackend {
  holder.__keelCacheBackend ??= chooseBackend();
  return holder.__keelCacheBackend;
}

function chooseBackend(): ProcessBackend {
  const config = readCacheConfig();
  if (env().CACHE_DISABLED) {
    // For benchmarks and debugging: a store that keeps nothing, so every read goes to the source of truth.
    log.warn({ component: "cache" }, "cache: disabled by CACHE_DISABLED=1");
    return { config, store: createMemoryStore({ maxEntries: 0 }) };
  }
  if (config.upstash) {
    try {
      const redis = createUpstashRedis({ ...config.upstash, timeoutMs: config.timeoutMs });
      log.info({ component: "cache", backend: "upstash", namespace: config.namespace }, "cache: using Upstash Redis");
      return { config, store: createUpstashStore(redis), redis };
    } catch (err) {
      // A malformed URL throws in the client's constructor; the app must still start.
      log.error({ component: "cache", error: err instanceof Error ? err.name : "unknown" }, "cache: cannot use UPSTASH_REDIS_REST_URL; using the in-process store");
    }
  }
  if (env().NODE_ENV === "production") {
    // Each instance would have its own cache and its own rate-limit counters, and invalidations would not reach the others.
    log.warn({ component: "cache", backend: "memory" }, "cache: no Upstash Redis configured; using a per-process store");
  }
  return { config, store: createMemoryStore() };
}
