import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { readCacheConfig } from "./cache-config";

const settings = (vars: Record<string, string>) => {
  const parsed = parseEnv(vars);
  if (!parsed.env) throw new Error(parsed.problems.join("; "));
  return parsed.env;
};

describe("cache configuration from the environment", () => {
  it("uses the in-process store unless both Upstash variables are set, and refuses half a pair", () => {
    expect(readCacheConfig(settings({})).upstash).toBeUndefined();
    expect(parseEnv({ UPSTASH_REDIS_REST_URL: "https://x.upstash.io" }).problems).toEqual([
      "UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN go together: set both, or neither for the in-process cache",
    ]);
    expect(readCacheConfig(settings({ UPSTASH_REDIS_REST_URL: "https://x.upstash.io", UPSTASH_REDIS_REST_TOKEN: "t" })).upstash).toEqual({
      url: "https://x.upstash.io",
      token: "t",
    });
  });

  it("namespaces by CACHE_NAMESPACE, else by NODE_ENV, and refuses a namespace that would break the key format", () => {
    expect(readCacheConfig(settings({ NODE_ENV: "test" })).namespace).toBe("test");
    expect(readCacheConfig(settings({})).namespace).toBe("development");
    expect(readCacheConfig(settings({ NODE_ENV: "production", CACHE_NAMESPACE: "acme-prod" })).namespace).toBe("acme-prod");
    expect(parseEnv({ CACHE_NAMESPACE: "a:b c" }).problems).toEqual(["CACHE_NAMESPACE may only hold letters, digits, '.', '_' and '-' (up to 64)"]);
  });

  it("reads CACHE_TIMEOUT_MS and refuses a value that is not a sane number of ms", () => {
    expect(readCacheConfig(settings({})).timeoutMs).toBe(150);
    expect(readCacheConfig(settings({ CACHE_TIMEOUT_MS: "40" })).timeoutMs).toBe(40);
    for (const value of ["0", "-1", "fast", "1.5", "60000"]) {
      expect(parseEnv({ CACHE_TIMEOUT_MS: value }).problems, value).toHaveLength(1);
    }
  });
});
