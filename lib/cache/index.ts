// The cache's public API. App code uses `cache`; tests and benchmarks build their own with `createCache`.
import { createCache, type Cache } from "./create-cache";

export { createCache, type Cache, type Cached, type CacheWriteOptions, type CreateCacheOptions } from "./create-cache";
export { cacheStats } from "./cache-stats";
export { readCacheConfig, DEFAULT_TIMEOUT_MS, type CacheConfig } from "./cache-config";
export type { CacheStore } from "./cache-store";
export { createFailOpen, describeError, type FailOpen, type WarnLogger, type Attempt } from "./fail-open";
export type { Jsonify } from "./jsonify";
export { createMemoryStore, type MemoryStoreOptions } from "./memory-store";
export { processBackend, type ProcessBackend } from "./process-backend";
export { createUpstashRedis, type UpstashConnection } from "./upstash-client";

/**
 * The process-wide cache: Upstash Redis when UPSTASH_REDIS_REST_URL and _TOKEN are set, the in-process store
 * otherwise, under `keel:<CACHE_NAMESPACE or NODE_ENV>:`.
 */
export const cache: Cache = createCache();
