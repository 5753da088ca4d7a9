import { randomUUID } from "node:crypto";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startRedisRestBridge } from "@/scripts/redis-rest-bridge";
import { createCache } from "./create-cache";
import { createFailOpen, describeError } from "./fail-open";
import { createUpstashRedis } from "./upstash-client";

const TOKEN = `fail-open-test-${randomUUID()}`;
let deadUrl: string;
let hangingUrl: string;
let hanging: net.Server;
const held: net.Socket[] = [];

beforeAll(async () => {
  // A bridge that existed and was stopped: its port now refuses connections, like a Redis that went away.
  const bridge = await startRedisRestBridge({ token: TOKEN, port: 0 });
  deadUrl = bridge.url;
  await bridge.stop();
  // A server that accepts connections and never answers: the slow or hung Redis.
  hanging = net.createServer((socket) => void held.push(socket));
  await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
  hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise((resolve) => hanging.close(resolve));
});

const logger = () => {
  const warn = vi.fn<(fields: object, message: string) => void>();
  const ops = () => warn.mock.calls.map(([fields]) => (fields as { op: string }).op);
  return { warn, ops };
};

describe("the cache fails open", () => {
  it("with Redis gone: loaders serve, reads miss, writes report false, nothing throws, a warning is logged", async () => {
    const log = logger();
    // A deadline no stall of a loaded machine reaches: a refused connection must fail on its own, not by the deadline.
    const timeoutMs = 60_000;
    const cache = createCache({ backend: createUpstashRedis({ url: deadUrl, token: TOKEN, timeoutMs }), namespace: "test-dead", timeoutMs, log });

    expect(await cache.getOrSet("k", 60, () => ({ from: "database" }), { tags: ["org:1"] })).toEqual({ from: "database" });
    expect(await cache.get("k")).toBeUndefined();
    expect(await cache.set("k", 1, 60)).toBe(false);
    expect(await cache.set("k", 1, 60, { tags: ["org:1"] })).toBe(false);
    expect(await cache.del("k")).toBe(false);
    expect(await cache.invalidateTag("org:1")).toBe(false);
    await expect(cache.ping()).rejects.toThrow(/did not answer/);

    expect(log.ops()).toEqual(expect.arrayContaining(["get", "set", "del"]));
    const logged = JSON.stringify(log.warn.mock.calls);
    expect(logged).toMatch(/ECONNREFUSED/);
    expect(logged).not.toMatch(/timed out|aborted/);
    expect(logged).not.toContain(TOKEN);
  });

  it("with Redis hanging: getOrSet serves the loader's value once the deadline passes", async () => {
    const log = logger();
    const timeoutMs = 100;
    const cache = createCache({ backend: createUpstashRedis({ url: hangingUrl, token: TOKEN, timeoutMs }), namespace: "test-hang", timeoutMs, log });

    // Only the lower bound is checked here: how late a timer fires depends on the machine's load. That the guard
    // gives up exactly at its deadline is checked with a controlled clock below.
    const started = performance.now();
    expect(await cache.getOrSet("k", 60, () => "fresh")).toBe("fresh");
    expect(performance.now() - started).toBeGreaterThanOrEqual(timeoutMs - 5);
    expect(await cache.get("k")).toBeUndefined();
    await expect(cache.ping()).rejects.toThrow();
    expect(JSON.stringify(log.warn.mock.calls)).toMatch(/timed out|aborted/);
  });

  it("gives up on a call at its deadline, not before, and leaves no timer behind", async () => {
    vi.useFakeTimers();
    try {
      const warn = vi.fn();
      const guard = createFailOpen({ component: "cache", backend: "upstash", timeoutMs: 150, log: { warn } });
      let outcome: unknown;
      void guard.run("get", () => new Promise<never>(() => {})).then((o) => (outcome = o));
      await vi.advanceTimersByTimeAsync(149);
      expect(outcome).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      expect(outcome).toEqual({ ok: false });
      expect(JSON.stringify(warn.mock.calls)).toMatch(/timed out after 150 ms/);

      // A call that answers in time clears its deadline: nothing is left pending to keep the request's closures
      // alive. (Counted relative to before: sockets of earlier tests may still hold timers of their own.)
      const timers = vi.getTimerCount();
      expect(await guard.run("get", async () => "hit")).toEqual({ ok: true, value: "hit" });
      expect(vi.getTimerCount()).toBe(timers);
    } finally {
      vi.useRealTimers();
    }
  });

  it("stops calling a failing Redis for a while (circuit breaker), then probes it once", async () => {
    let clock = 1_000_000;
    const log = logger();
    const cache = createCache({
      backend: createUpstashRedis({ url: deadUrl, token: TOKEN, timeoutMs: 60_000 }),
      namespace: "test-breaker",
      log,
      failOpen: { breakerThreshold: 3, breakerCooldownMs: 5_000, now: () => clock },
    });
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    try {
      for (let i = 0; i < 3; i++) await cache.get(`k${i}`);
      expect(fetchSpy).toHaveBeenCalledTimes(3);
      expect(log.ops()).toContain("circuit");

      for (let i = 0; i < 50; i++) expect(await cache.getOrSet(`skip${i}`, 60, () => i)).toBe(i);
      expect(fetchSpy).toHaveBeenCalledTimes(3);

      clock += 5_001;
      // After the cooldown one call probes; concurrent ones still skip.
      await Promise.all([cache.get("probe"), cache.get("probe-2"), cache.get("probe-3")]);
      expect(fetchSpy).toHaveBeenCalledTimes(4);
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it("logs a dead backend once per operation kind per interval, counting what it left out", async () => {
    let clock = 0;
    const warn = vi.fn();
    const guard = createFailOpen({ component: "cache", backend: "upstash", timeoutMs: 0, log: { warn }, breakerThreshold: 1_000, now: () => clock });
    const failing = () => Promise.reject(new Error("down"));
    for (let i = 0; i < 20; i++) expect(await guard.run("get", failing)).toEqual({ ok: false });
    await guard.run("set", failing);
    expect(warn.mock.calls.map(([fields]) => (fields as { op: string }).op)).toEqual(["get", "set"]);

    clock += 10_000;
    await guard.run("get", failing);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(warn.mock.calls[2]?.[0]).toMatchObject({ op: "get", suppressedSinceLastWarning: 19 });
  });

  it("keeps keys and cached values out of logged Upstash errors", () => {
    const err = new Error('WRONGTYPE Operation against a key, command was: ["set","keel:prod:session:abc","{\\"email\\":\\"a@b.c\\"}"]');
    err.name = "UpstashError";
    expect(describeError(err)).toBe("UpstashError: WRONGTYPE Operation against a key");
  });
});
