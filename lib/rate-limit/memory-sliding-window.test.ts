import { randomUUID } from "node:crypto";
import { Ratelimit } from "@upstash/ratelimit";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createUpstashRedis } from "@/lib/cache/upstash-client";
import { startRedisRestBridge, type RedisRestBridge } from "@/scripts/redis-rest-bridge";
import { createMemorySlidingWindow } from "./memory-sliding-window";

// Times inside one aligned run of 1 s windows: t(0) starts a window.
const BASE = Math.ceil(Date.now() / 1_000) * 1_000 + 60_000;
// [ms after BASE, requests sent then]: fill window 0, then probe window 1 at half time and window 2 at its start.
const SCHEDULE: Array<[number, number]> = [
  [0, 11],
  [500, 1],
  [1_500, 6],
  [2_000, 6],
];

describe("the in-process sliding window", () => {
  it("weights the previous window by how much of it still overlaps", () => {
    let clock = BASE;
    const window = createMemorySlidingWindow({ now: () => clock });
    const run = (at: number, n: number) => {
      clock = BASE + at;
      return Array.from({ length: n }, () => window.limit("k", 10, 1_000).success);
    };
    expect(run(0, 11)).toEqual([...Array<boolean>(10).fill(true), false]);
    // Half of window 0 (10 requests) still counts: 5 of the 10 fit.
    expect(run(1_500, 6)).toEqual([...Array<boolean>(5).fill(true), false]);
    // At the start of window 2 all of window 1 (5 requests) counts.
    expect(run(2_000, 6)).toEqual([...Array<boolean>(5).fill(true), false]);
    expect(window.limit("other", 10, 1_000).remaining).toBe(9);
  });

  describe("and @upstash/ratelimit on the real Redis", () => {
    let bridge: RedisRestBridge;
    const token = `sliding-test-${randomUUID()}`;
    beforeAll(async () => {
      bridge = await startRedisRestBridge({ token, port: 0 });
    });
    afterAll(() => bridge.stop());
    afterEach(() => vi.useRealTimers());

    it("decide alike, request for request", async () => {
      const redis = createUpstashRedis({ url: bridge.url, token, timeoutMs: 2_000 });
      const prefix = `keel:test-${randomUUID().slice(0, 8)}#rl:parity`;
      const upstash = new Ratelimit({ redis, limiter: Ratelimit.slidingWindow(10, "1 s"), prefix, ephemeralCache: false, timeout: 0 });
      let clock = BASE;
      const local = createMemorySlidingWindow({ now: () => clock });
      // Only Date is faked: the HTTP round trips keep real timers, and the windows' keys live ~3 s of real time.
      vi.useFakeTimers({ toFake: ["Date"] });
      const remote: Array<[boolean, number]> = [];
      const mine: Array<[boolean, number]> = [];
      try {
        for (const [at, n] of SCHEDULE) {
          clock = BASE + at;
          vi.setSystemTime(clock);
          for (let i = 0; i < n; i++) {
            const r = await upstash.limit("id");
            remote.push([r.success, r.remaining]);
            const m = local.limit("id", 10, 1_000);
            mine.push([m.success, m.remaining]);
          }
        }
      } finally {
        vi.useRealTimers();
        await redis.del(...[0, 1, 2].map((w) => `${prefix}:id:${BASE / 1_000 + w}`));
      }
      expect(mine).toEqual(remote);
      expect(remote.filter(([ok]) => ok)).toHaveLength(10 + 1 + 4 + 0 + 5);
    });
  });
});
