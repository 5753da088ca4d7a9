import { describe, expect, it } from "vitest";
import { readCacheConfig } from "./cache-config";

describe("cache configuration from the environment", () => {
  it("uses the in-process store unless both Upstash variables are set", () => {
    expect(readCacheConfig({}).upstash).toBeUndefined();
    const half = readCacheConfig({ UPSTASH_REDIS_REST_URL: "https://x.upstash.io" });
    expect(half.upstash).toBeUndefined();
    expect(half.problems).toHaveLength(1);
    expect(readCacheConfig({ UPSTASH_REDIS_REST_URL: "https://x.upstash.io", UPSTASH_REDIS_REST_TOKEN: "t" }).upstash).toEqual({
      url: "https://x.upstash.io",
      token: "t",
    });
  });

  it("namespaces by CACHE_NAMESPACE, else by NODE_ENV, and cleans up a namespace that would break the key format", () => {
    expect(readCacheConfig({ NODE_ENV: "test" }).namespace).toBe("test");
    expect(readCacheConfig({}).namespace).toBe("development");
    expect(readCacheConfig({ NODE_ENV: "production", CACHE_NAMESPACE: "acme-prod" }).namespace).toBe("acme-prod");
    const bad = readCacheConfig({ CACHE_NAMESPACE: "a:b c" });
    expect(bad.namespace).toBe("a-b-c");
    expect(bad.problems).toHaveLength(1);
  });

  it("reads CACHE_TIMEOUT_MS and ignores a value that is not a sane number of ms", () => {
    expect(readCacheConfig({}).timeoutMs).toBe(150);
    expect(readCacheConfig({ CACHE_TIMEOUT_MS: "40" }).timeoutMs).toBe(40);
    for (const value of ["0", "-1", "fast", "1.5", "60000"]) {
      const config = readCacheConfig({ CACHE_TIMEOUT_MS: value });
      expect(config.timeoutMs).toBe(150);
      expect(config.problems).toHaveLength(1);
    }
  });
});
