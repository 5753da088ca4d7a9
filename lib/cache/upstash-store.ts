import type { Redis } from "@upstash/redis";
import type { CacheStore } from "./cache-store";

/**
 * The cache's primitives on an `@upstash/redis` client. The client JSON-parses every reply it can (automatic
 * deserialization), which is what `mget` promises; values go out as the JSON text the cache made.
 */
export function createUpstashStore(redis: Redis): CacheStore {
  return {
    kind: "upstash",
    async mget(keys) {
      return redis.mget<unknown[]>(...keys);
    },
    async set(key, json, ttlMs) {
      await redis.set(key, json, { px: Math.max(1, Math.round(ttlMs)) });
    },
    async ensureCounters(keys, initial) {
      // One round trip: the SET NXs run before the MGET because a pipeline keeps its order.
      const pipeline = redis.pipeline();
      for (const key of keys) pipeline.set(key, initial, { nx: true });
      pipeline.mget(...keys);
      const replies = await pipeline.exec();
      return replies.at(-1) as unknown[];
    },
    async incr(key) {
      return redis.incr(key);
    },
    async del(key) {
      await redis.del(key);
    },
    async ping() {
      await redis.ping();
    },
  };
}
