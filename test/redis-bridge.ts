import { randomUUID } from "node:crypto";
import { Redis as IORedis } from "ioredis";
import { afterAll, beforeAll } from "vitest";
import { startRedisRestBridge, type RedisRestBridge } from "@/scripts/redis-rest-bridge";

/** The bridge of one test file: its URL and token, and a direct connection to look behind it. */
export type TestBridge = { readonly url: string; readonly token: string; readonly direct: IORedis; keys(pattern: string): Promise<string[]>; deleteKeys(pattern: string): Promise<void> };

/**
 * The Upstash stand-in for one test file: Keel's REST bridge in front of the real Redis, started before its tests
 * and stopped after them, so the real `@upstash/*` clients are what is tested. The Redis may be shared: write only
 * under a prefix of the test's own and delete it afterwards (`deleteKeys`).
 */
export function setupRedisBridge(redisUrl = process.env.CACHE_TEST_REDIS_URL ?? "redis://127.0.0.1:6379"): TestBridge {
  const token = `test-token-${randomUUID()}`;
  let bridge: RedisRestBridge;
  let direct: IORedis;
  beforeAll(async () => {
    bridge = await startRedisRestBridge({ redisUrl, token, port: 0 });
    direct = new IORedis(redisUrl, { protocol: 2 });
  });
  afterAll(async () => {
    await bridge.stop();
    await direct.quit();
  });
  async function keys(pattern: string): Promise<string[]> {
    const found: string[] = [];
    let cursor = "0";
    do {
      const [next, batch] = await direct.scan(cursor, "MATCH", pattern, "COUNT", 500);
      found.push(...batch);
      cursor = next;
    } while (cursor !== "0");
    return found;
  }
  return {
    get url() {
      return bridge.url;
    },
    token,
    get direct() {
      return direct;
    },
    keys,
    async deleteKeys(pattern) {
      const found = await keys(pattern);
      if (found.length > 0) await direct.del(...found);
    },
  };
}
