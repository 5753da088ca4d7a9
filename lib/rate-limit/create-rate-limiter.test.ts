import { createHash, randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createUpstashRedis } from "@/lib/cache/upstash-client";
import { startRedisRestBridge } from "@/scripts/redis-rest-bridge";
import { setupRedisBridge } from "@/test/redis-bridge";
import { createRateLimiter } from "./create-rate-limiter";
import { rateLimit } from "./index";
import { policies, windowMs, type RateLimitPolicy } from "./policies";

// The real @upstash/ratelimit and @upstash/redis through the bridge, on db 0, under a random prefix per test.
const bridge = setupRedisBridge();
const keysUnder = (prefix: string) => bridge.keys(`${prefix}*`);

// An hour-long window, so a run never straddles a window edge (where the previous window's weight would apply).
const testPolicies = {
  login: { limit: 3, window: "1 h", by: "email" },
  perIp: { limit: 2, window: "1 h", by: "ip" },
} as const satisfies Record<string, RateLimitPolicy>;

describe.each(["memory", "upstash"] as const)("rate limits on the %s backend", (backend) => {
  let prefix: string;
  const warn = vi.fn();
  const build = () =>
    createRateLimiter({
      redis: backend === "upstash" ? createUpstashRedis({ url: bridge.url, token: bridge.token, timeoutMs: 2_000 }) : undefined,
      prefix,
      policies: testPolicies,
      timeoutMs: 2_000,
      log: { warn },
    });

  beforeEach(() => {
    prefix = `keel:test-${randomUUID().slice(0, 8)}#rl`;
    warn.mockClear();
  });

  afterEach(async () => {
    const keys = await keysUnder(prefix);
    if (keys.length > 0) await bridge.direct.del(...keys);
    expect(warn).not.toHaveBeenCalled();
  });

  it("allows the budget, then refuses with a retry-after until the window ends", async () => {
    const limiter = build();
    expect(limiter.backend).toBe(backend);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.limit("login", "ada@example.com"));
    expect(results.map((r) => [r.success, r.remaining, r.limit])).toEqual([
      [true, 2, 3],
      [true, 1, 3],
      [true, 0, 3],
      [false, 0, 3],
    ]);
    const refused = results[3]!;
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(3_600);
    expect(refused.resetAt.getTime()).toBeGreaterThan(Date.now());
    expect(Math.abs(refused.resetAt.getTime() - Date.now() - refused.retryAfterSeconds * 1000)).toBeLessThan(1_000);
    expect(results[0]?.retryAfterSeconds).toBe(0);
  });

  it("gives each identifier its own budget, counting emails case-insensitively", async () => {
    const limiter = build();
    for (let i = 0; i < 3; i++) expect((await limiter.limit("login", "ada@example.com")).success).toBe(true);
    expect((await limiter.limit("login", "  ADA@Example.com ")).success).toBe(false);
    expect((await limiter.limit("login", "grace@example.com")).success).toBe(true);
    // Another policy counts separately even for the same caller.
    expect((await limiter.limit("perIp", "203.0.113.7")).success).toBe(true);
  });

  it("peeks without counting: only limit() spends the budget", async () => {
    const limiter = build();
    for (let i = 0; i < 5; i++) expect((await limiter.peek("login", "peek@example.com")).success).toBe(true);
    for (let i = 0; i < 3; i++) await limiter.limit("login", "peek@example.com");
    const spent = await limiter.peek("login", "peek@example.com");
    expect(spent.success).toBe(false);
    expect(spent.retryAfterSeconds).toBeGreaterThan(0);
    expect((await limiter.peek("login", "other@example.com")).success).toBe(true);
  });

  it("counts a whole IPv6 /64 as one client", async () => {
    const limiter = build();
    expect((await limiter.limit("perIp", "2001:db8:1:2::1")).success).toBe(true);
    expect((await limiter.limit("perIp", "2001:db8:1:2:ffff::9")).success).toBe(true);
    expect((await limiter.limit("perIp", "2001:db8:1:2:aaaa:bbbb:cccc:dddd")).success).toBe(false);
    expect((await limiter.limit("perIp", "2001:db8:1:3::1")).success).toBe(true);
  });

  if (backend === "upstash") {
    it("stores only hashes of identifiers in Redis", async () => {
      const limiter = build();
      await limiter.limit("login", "ada@example.com");
      await limiter.limit("perIp", "203.0.113.7");
      const keys = await keysUnder(prefix);
      expect(keys).toHaveLength(2);
      const joined = keys.join("\n");
      for (const clear of ["ada@example.com", "example.com", "203.0.113.7"]) expect(joined).not.toContain(clear);
      const hash = createHash("sha256").update("email:ada@example.com").digest("hex");
      expect(keys.find((key) => key.startsWith(`${prefix}:login:`))).toMatch(new RegExp(`^${prefix}:login:${hash}:\\d+$`));
    });
  }
});

describe("rate limits when Redis fails", () => {
  it("never fail the request: they log, and count in this process instead", async () => {
    const dead = await startRedisRestBridge({ token: bridge.token, port: 0 });
    await dead.stop();
    const warn = vi.fn();
    const limiter = createRateLimiter({
      redis: createUpstashRedis({ url: dead.url, token: bridge.token, timeoutMs: 200 }),
      prefix: "keel:test-dead#rl",
      policies: testPolicies,
      timeoutMs: 200,
      log: { warn },
    });
    const started = performance.now();
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.limit("login", "ada@example.com"));
    expect(performance.now() - started).toBeLessThan(800);
    expect(results.map((r) => r.success)).toEqual([true, true, true, false]);
    expect(warn).toHaveBeenCalled();
    expect(warn.mock.calls[0]?.[0]).toMatchObject({ component: "rate-limit", op: "login" });
    expect(JSON.stringify(warn.mock.calls)).not.toContain(bridge.token);
  });
});

describe("the policy table", () => {
  it("limits sign-in by email to 5 in 10 minutes through rateLimit()", async () => {
    const email = `user-${randomUUID()}@example.com`;
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push((await rateLimit("signInEmail", email)).success);
    expect(outcomes).toEqual([true, true, true, true, true, false]);
  });

  it("has a positive budget and a window @upstash/ratelimit can parse for every policy", () => {
    for (const policy of Object.values(policies)) {
      expect(policy.limit).toBeGreaterThan(0);
      expect(windowMs(policy.window)).toBeGreaterThanOrEqual(1_000);
    }
  });
});
