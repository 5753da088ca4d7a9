import { randomUUID } from "node:crypto";
import { afterAll } from "vitest";
import { startRedisRestBridge } from "@/scripts/redis-rest-bridge";
import { stubEnv, unstubAllEnvs } from "./env";
import { freePort } from "./serve-route-handlers";

/**
 * Points this test file's cache, rate limits and usage counters at the real Redis through Keel's Upstash bridge,
 * under a namespace of its own. Call it (top-level await) before importing anything that reads the cache.
 */
export async function pointApiTestsAtUpstash(redisUrl = process.env.CACHE_TEST_REDIS_URL ?? "redis://127.0.0.1:6379"): Promise<{ namespace: string }> {
  const token = `api-test-${randomUUID()}`;
  const bridge = await startRedisRestBridge({ redisUrl, token, port: await freePort() });
  const namespace = `apitest${randomUUID().slice(0, 8)}`;
  stubEnv("UPSTASH_REDIS_REST_URL", bridge.url);
  stubEnv("UPSTASH_REDIS_REST_TOKEN", token);
  stubEnv("CACHE_NAMESPACE", namespace);
  const holder = globalThis as { __keelCacheBackend?: unknown; __keelUsageCounter?: unknown };
  delete holder.__keelCacheBackend;
  delete holder.__keelUsageCounter;
  afterAll(async () => {
    await bridge.stop();
    unstubAllEnvs();
  });
  return { namespace };
}
